package io.ccsfront.node.tls;

import io.ccsfront.selection.Decision;
import io.ccsfront.selection.TlsAlert;
import java.net.InetSocketAddress;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.StandardConstants;

/**
 * One connection's handshake: its local address (recorded when the TLS handler joins the
 * pipeline) and the memoised choice of certificate.
 *
 * <p>It is installed as the engine's only {@link SNIMatcher}, which does three jobs at once: the
 * callbacks find it from the engine ({@link HandshakeLookup}); when the client sent SNI the engine
 * asks {@link #matches} before choosing a certificate, and a {@code false} makes both the JDK
 * engine and BoringSSL abort with {@code unrecognized_name}; and the choice is made once even
 * though engines ask for a key several times per handshake. The path goes one way: this state
 * asks the {@link HandshakeSelector} once and keeps its answer; the selector never sees the state.
 */
final class HandshakeState extends SNIMatcher {

    private final HandshakeSelector selector;
    volatile InetSocketAddress local;
    final long startNanos = System.nanoTime();
    /** The native SSL pointer while {@link HandshakeLookup} knows this state by it, else 0. */
    long ssl;
    private HandshakeSelector.Choice choice;

    HandshakeState(HandshakeSelector selector) {
        super(StandardConstants.SNI_HOST_NAME);
        this.selector = selector;
    }

    /** Called by the engine only when the client sent SNI, before it asks for a certificate. */
    @Override
    public boolean matches(SNIServerName name) {
        String host;
        if (name instanceof SNIHostName h) {
            host = h.getAsciiName();
        } else {
            try {
                host = new SNIHostName(name.getEncoded()).getAsciiName();
            } catch (IllegalArgumentException e) {
                host = "\u0000invalid";
            }
        }
        decide(host);
        return decision().alert() != TlsAlert.UNRECOGNIZED_NAME;
    }

    /** Chooses once per handshake; later calls return the memoised certificate. */
    synchronized PreparedCertificate decide(String sni) {
        if (choice == null) {
            choice = selector.choose(local, sni);
        }
        return choice.prepared();
    }

    /** Whether {@link #decide} ran (then the key manager need not decode the SNI again). */
    synchronized boolean decided() {
        return choice != null;
    }

    synchronized Decision decision() {
        return choice == null ? null : choice.decision();
    }

    synchronized PreparedCertificate prepared() {
        return choice == null ? null : choice.prepared();
    }
}
