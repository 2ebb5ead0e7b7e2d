package io.ccsfront.node.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;

/**
 * Hand-built TLS 1.2 ClientHellos, for sending what well-behaved clients cannot: an SNI of any
 * bytes and length, a truncated hello, garbage. {@link #send} reports the first record the server
 * answers with: a ServerHello, an alert, or a close.
 */
public final class RawClientHello {

    private RawClientHello() {
    }

    /** A ClientHello (TLS 1.2, ECDHE-ECDSA/RSA AES-GCM, P-256) carrying {@code sni} as raw bytes, or no SNI when null. */
    public static byte[] hello(byte[] sni) {
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        if (sni != null) {
            ByteArrayOutputStream sn = new ByteArrayOutputStream();
            u16(sn, sni.length + 3);
            sn.write(0);
            u16(sn, sni.length);
            sn.writeBytes(sni);
            extension(ext, 0x0000, sn.toByteArray());
        }
        extension(ext, 0x000a, new byte[] {0, 2, 0, 0x17});
        extension(ext, 0x000b, new byte[] {1, 0});
        extension(ext, 0x000d, new byte[] {0, 4, 4, 3, 4, 1});
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(3);
        body.write(3);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.writeBytes(random);
        body.write(0);
        body.writeBytes(new byte[] {0, 4, (byte) 0xc0, 0x2b, (byte) 0xc0, 0x2f});
        body.writeBytes(new byte[] {1, 0});
        u16(body, ext.size());
        body.writeBytes(ext.toByteArray());
        ByteArrayOutputStream hs = new ByteArrayOutputStream();
        hs.write(1);
        u24(hs, body.size());
        hs.writeBytes(body.toByteArray());
        ByteArrayOutputStream rec = new ByteArrayOutputStream();
        rec.writeBytes(new byte[] {0x16, 3, 1});
        u16(rec, hs.size());
        rec.writeBytes(hs.toByteArray());
        return rec.toByteArray();
    }

    /** What the server answered: "server_hello", "alert:<description code>", or "closed". */
    public static String send(String ip, int port, byte[] bytes, int timeoutMs) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(ip, port), 5000);
            s.setSoTimeout(timeoutMs);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            try {
                int type = in.read();
                if (type == -1) {
                    return "closed";
                }
                byte[] head = in.readNBytes(4);
                if (type == 0x16) {
                    return "server_hello";
                }
                if (type == 0x15) {
                    byte[] alert = in.readNBytes(2);
                    return "alert:" + (alert.length == 2 ? alert[1] & 0xff : -1);
                }
                return "record:" + type + "/" + head.length;
            } catch (SocketTimeoutException e) {
                return "timeout";
            } catch (IOException e) {
                return "closed";
            }
        }
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        u16(out, type);
        u16(out, data.length);
        out.writeBytes(data);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write((v >> 8) & 0xff);
        out.write(v & 0xff);
    }

    private static void u24(ByteArrayOutputStream out, int v) {
        out.write((v >> 16) & 0xff);
        u16(out, v & 0xffff);
    }
}
