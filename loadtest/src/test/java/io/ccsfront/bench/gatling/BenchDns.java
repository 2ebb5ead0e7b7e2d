package io.ccsfront.bench.gatling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal DNS responder on 127.0.0.1 (UDP, an ephemeral port) that answers A queries for the
 * benchmark hostnames with the loopback address of the node each one is sent to, for Gatling's
 * {@code asyncNameResolution}. The simulations used {@code hostNameAliases}, but Gatling copies
 * that map into every virtual user ({@code AliasesAwareNameResolver}): with 100,000 names that is
 * quadratic and exhausted a 4 GB heap before the first request. A name stays in the URL, so the
 * SNI and the Host header carry it, as with real DNS.
 *
 * <p>Only what Netty's resolver asks: one question per query; A answered from the table (TTL one
 * hour), AAAA and other types answered with no records, unknown names with NXDOMAIN.
 */
final class BenchDns {

    private static final Map<String, byte[]> TABLE = new ConcurrentHashMap<>();
    private static volatile InetSocketAddress address;

    private BenchDns() {
    }

    /** Adds the hosts to the table and returns the responder's address (started on first use). */
    static synchronized InetSocketAddress[] serve(List<BenchEnv.Host> hosts) {
        for (BenchEnv.Host h : hosts) {
            try {
                TABLE.put(h.host().toLowerCase(Locale.ROOT), InetAddress.getByName(h.ip()).getAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (address == null) {
            try {
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                socket.setReceiveBufferSize(4 << 20);
                Thread t = new Thread(() -> loop(socket), "bench-dns");
                t.setDaemon(true);
                t.start();
                address = (InetSocketAddress) socket.getLocalSocketAddress();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new InetSocketAddress[] {address};
    }

    private static void loop(DatagramSocket socket) {
        byte[] in = new byte[1500];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(in, in.length);
                socket.receive(p);
                byte[] out = answer(ByteBuffer.wrap(p.getData(), 0, p.getLength()));
                if (out != null) {
                    socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                }
            } catch (IOException | RuntimeException e) {
                // a malformed query is dropped; the resolver retries or times out
            }
        }
    }

    static byte[] answer(ByteBuffer q) {
        int id = q.getShort(0) & 0xFFFF;
        int flags = q.getShort(2) & 0xFFFF;
        if ((flags & 0x8000) != 0 || (q.getShort(4) & 0xFFFF) != 1) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        int pos = 12;
        while (true) {
            int len = q.get(pos++) & 0xFF;
            if (len == 0) {
                break;
            }
            if (len > 63) {
                return null;
            }
            if (name.length() > 0) {
                name.append('.');
            }
            for (int i = 0; i < len; i++) {
                name.append((char) (q.get(pos++) & 0xFF));
            }
        }
        int qtype = q.getShort(pos) & 0xFFFF;
        int questionEnd = pos + 4;
        byte[] ip = TABLE.get(name.toString().toLowerCase(Locale.ROOT));
        boolean a = ip != null && qtype == 1;
        ByteBuffer r = ByteBuffer.allocate(questionEnd + (a ? 16 : 0));
        r.putShort((short) id);
        r.putShort((short) (0x8000 | 0x0400 | (flags & 0x0100) | 0x0080 | (ip == null ? 3 : 0))); // QR AA RD RA rcode
        r.putShort((short) 1).putShort((short) (a ? 1 : 0)).putShort((short) 0).putShort((short) 0);
        r.put(q.array(), q.arrayOffset() + 12, questionEnd - 12);
        if (a) {
            r.putShort((short) 0xC00C).putShort((short) 1).putShort((short) 1).putInt(3600).putShort((short) 4).put(ip);
        }
        return r.array();
    }
}
