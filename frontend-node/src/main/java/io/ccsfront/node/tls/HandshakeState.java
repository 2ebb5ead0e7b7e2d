package io.ccsfront.node.tls;

import io.ccsfront.selection.Decision;
import io.ccsfront.selection.TlsAlert;
import java.net.InetSocketAddress;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.internal.tcnative.SSL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;

/**
 * One connection's handshake: its local address (recorded when the TLS handler joins the
 * pipeline) and the memoised selection decision.
 *
 * <p>It is installed as the engine's only {@link SNIMatcher}, which does three jobs at once:
 * the key manager finds it from whatever {@link SSLEngine} it is handed (the JDK passes its inner
 * engine, not Netty's ALPN wrapper, but both share the parameters); when the client sent SNI the
 * engine asks {@link #matches} before choosing a certificate, and a {@code false} makes both the
 * JDK engine and BoringSSL abort with {@code unrecognized_name}; and the decision is taken once
 * even though engines ask for a key several times per handshake.
 */
final class HandshakeState extends SNIMatcher {

    /** BoringSSL engines in handshake → their state (engines use identity equality). */
    private static final Map<SSLEngine, HandshakeState> BY_ENGINE = new ConcurrentHashMap<>();
    /** The same by native SSL pointer, for {@link OpenSslSigner} (netty-tcnative calls it with the pointer only). */
    private static final Map<Long, HandshakeState> BY_SSL = new ConcurrentHashMap<>();

    private final HandshakeSelector selector;
    volatile InetSocketAddress local;
    final long startNanos = System.nanoTime();
    private boolean decided;
    private Decision decision;
    private PreparedCertificate prepared;
    private long ssl;

    HandshakeState(HandshakeSelector selector) {
        super(StandardConstants.SNI_HOST_NAME);
        this.selector = selector;
    }

    void attachTo(SSLEngine engine) {
        if (engine instanceof ReferenceCountedOpenSslEngine e) {
            // getSSLParameters() on BoringSSL's engine costs ~26 µs (it lists every cipher): set only the matcher,
            // keep the server-preference flag, and find the state again by engine identity
            SSLParameters p = new SSLParameters();
            p.setUseCipherSuitesOrder((SSL.getOptions(e.sslPointer()) & SSL.SSL_OP_CIPHER_SERVER_PREFERENCE) != 0);
            p.setSNIMatchers(List.of(this));
            e.setSSLParameters(p);
            BY_ENGINE.put(engine, this);
            return;
        }
        SSLParameters p = engine.getSSLParameters();
        p.setSNIMatchers(List.of(this));
        engine.setSSLParameters(p);
    }

    /** Forgets a BoringSSL engine once its handshake is over (the JDK engine carries the state itself). */
    static void detach(SSLEngine engine) {
        HandshakeState st = BY_ENGINE.remove(engine);
        if (st != null && st.ssl != 0) {
            BY_SSL.remove(st.ssl, st);
        }
    }

    /**
     * Also findable by the engine's native SSL pointer until {@link #detach}: set by the key manager
     * for handshakes whose RSA key {@link OpenSslSigner} signs with, and only for those.
     */
    void attachSsl(long sslPointer) {
        ssl = sslPointer;
        BY_SSL.put(sslPointer, this);
    }

    static HandshakeState ofSsl(long sslPointer) {
        return BY_SSL.get(sslPointer);
    }

    static int attachedOpenSslEngines() {
        return BY_ENGINE.size();
    }

    static HandshakeState of(SSLEngine engine) {
        if (engine == null) {
            return null;
        }
        HandshakeState st = BY_ENGINE.get(engine);
        if (st != null) {
            return st;
        }
        for (SNIMatcher m : engine.getSSLParameters().getSNIMatchers()) {
            if (m instanceof HandshakeState s) {
                return s;
            }
        }
        return null;
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

    /** Selects once per handshake; later calls return the memoised certificate. */
    synchronized PreparedCertificate decide(String sni) {
        if (!decided) {
            decided = true;
            decision = selector.select(this, sni);
            prepared = decision.selected() ? selector.prepare(decision) : null;
            if (decision.selected() && prepared == null) {
                // the key failed to load just now: the cache marked it unusable; decide again
                decision = selector.select(this, sni);
                prepared = decision.selected() ? selector.prepare(decision) : null;
            }
            selector.decided(this, decision, prepared);
        }
        return prepared;
    }

    /** Whether {@link #decide} ran (then the key manager need not decode the SNI again). */
    synchronized boolean decided() {
        return decided;
    }

    synchronized Decision decision() {
        return decision;
    }

    synchronized PreparedCertificate prepared() {
        return prepared;
    }
}
