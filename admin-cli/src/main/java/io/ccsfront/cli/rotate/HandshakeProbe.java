package io.ccsfront.cli.rotate;

import io.ccsfront.cert.Thumbprint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * One real TLS handshake with the JDK's SSLSocket: trusts every certificate (the point is which
 * certificate is presented, compared by thumbprint), sets SNI when given, and uses a fresh
 * SSLContext each time so that no session is resumed (a resumed session keeps the certificate of
 * its first handshake and would prove nothing).
 */
public final class HandshakeProbe {

    private HandshakeProbe() {
    }

    /** What one handshake showed: the thumbprint served, or the error; and how long it took. */
    public record Result(String thumbprint, String error, long millis) {
        public boolean ok() {
            return thumbprint != null;
        }

        @Override
        public String toString() {
            return ok() ? thumbprint : "failed: " + error;
        }
    }

    public static Result handshake(String host, int port, String sni, Duration timeout) {
        long t0 = System.nanoTime();
        try (SSLSocket s = (SSLSocket) trustAll().getSocketFactory().createSocket()) {
            s.setSoTimeout((int) timeout.toMillis());
            s.connect(new InetSocketAddress(InetAddress.getByName(host), port), (int) timeout.toMillis());
            SSLParameters p = s.getSSLParameters();
            p.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
            s.setSSLParameters(p);
            s.startHandshake();
            Certificate[] chain = s.getSession().getPeerCertificates();
            String tp = Thumbprint.of(((X509Certificate) chain[0]).getEncoded()).hex();
            return new Result(tp, null, (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return new Result(null, m, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** {@code host:port} or {@code [v6]:port} into host and port; null when malformed. */
    public static Endpoint endpoint(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new Endpoint(host, Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A host and port to connect to. */
    public record Endpoint(String host, int port) {
        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    private static SSLContext trustAll() throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] c, String a) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] c, String a) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        return ctx;
    }
}
