package io.ccsfront.node.testing;

import io.ccsfront.cert.Thumbprint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS client for tests: connects to an address with or without SNI, completes a real
 * handshake, and reports the certificate the server presented (thumbprint), the protocol and
 * ALPN result, or the handshake failure. Trusts every certificate: tests assert identity by
 * thumbprint, not by PKI.
 */
public final class TlsProbe implements AutoCloseable {

    public final SSLSocket socket;
    public final Thumbprint thumbprint;
    public final List<X509Certificate> chain;

    public List<X509Certificate> chain() {
        return chain;
    }

    private TlsProbe(SSLSocket socket) throws IOException {
        this.socket = socket;
        var certs = socket.getSession().getPeerCertificates();
        this.chain = java.util.Arrays.stream(certs).map(c -> (X509Certificate) c).toList();
        try {
            this.thumbprint = Thumbprint.of(chain.get(0).getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    /** Handshakes with {@code ip:port}, SNI {@code sni} (null: none), offering {@code protocols} (null: 1.2 and 1.3). */
    public static TlsProbe connect(String ip, int port, String sni, String... protocols) throws IOException {
        return connect(ip, port, sni, protocols, null);
    }

    public static TlsProbe connect(String ip, int port, String sni, String[] protocols, String[] alpn) throws IOException {
        SSLSocket s = (SSLSocket) trustAll().getSocketFactory().createSocket();
        s.setSoTimeout(10_000);
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(InetAddress.getByName(ip), port), 5_000);
        SSLParameters p = s.getSSLParameters();
        p.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
        if (protocols != null && protocols.length > 0) {
            p.setProtocols(protocols);
        }
        if (alpn != null) {
            p.setApplicationProtocols(alpn);
        }
        s.setSSLParameters(p);
        try {
            s.startHandshake();
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return new TlsProbe(s);
    }

    /** The thumbprint presented, or the failure message ("alert: unrecognized_name"). */
    public static String presented(String ip, int port, String sni) {
        try (TlsProbe p = connect(ip, port, sni)) {
            return p.thumbprint.hex();
        } catch (IOException e) {
            return "failed: " + e.getMessage();
        }
    }

    public String protocol() {
        return socket.getSession().getProtocol();
    }

    public String alpn() {
        return socket.getApplicationProtocol();
    }

    /** Sends a GET over this connection (keep-alive) and returns the status line and body. */
    public String get(String host, String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return HttpText.readResponse(socket.getInputStream());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    public static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] c, String a) {
                }

                public void checkServerTrusted(X509Certificate[] c, String a) {
                }

                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Minimal HTTP/1.1 response reading for tests (Content-Length bodies). */
    public static final class HttpText {
        private HttpText() {
        }

        public static String readResponse(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                head.append((char) c);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            int len = 0;
            for (String line : head.toString().split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    len = Integer.parseInt(line.substring(15).strip());
                }
            }
            byte[] body = in.readNBytes(len);
            return head.toString().split("\r\n")[0] + "\n" + new String(body, StandardCharsets.UTF_8);
        }
    }
}
