package io.ccsfront.node.tls;

import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.internal.tcnative.SSL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * How a callback without context finds the connection it works for — the one place for it.
 * The TLS engines call the key manager ({@link SelectingKeyManager}) and the private-key method
 * ({@link OpenSslSigner}) with no reference to the channel, so each finds the connection's
 * {@link HandshakeState} (or the certificate it chose) through one of four lookups:
 *
 * <ol>
 *   <li><b>The SNI matcher.</b> The state is the engine's only {@link SNIMatcher}
 *       ({@link #attach}); the JDK engine hands the key manager its inner engine, not Netty's ALPN
 *       wrapper, but both share the parameters, so {@link #of(SSLEngine)} finds it there. The JDK
 *       engine carries the state itself: nothing to forget.</li>
 *   <li><b>By engine.</b> Reading a BoringSSL engine's parameters back costs ~26 µs (it lists every
 *       cipher), so BoringSSL engines are also kept in a map by engine identity while their handshake
 *       runs; {@link #detach} forgets them when it ends or the handler leaves the pipeline.</li>
 *   <li><b>By native SSL pointer.</b> netty-tcnative calls the private-key method with the
 *       {@code SSL*} only: the key manager registers the handshakes whose RSA key OpenSSL will sign
 *       ({@link #attachSsl}), and only those, until {@link #detach}.</li>
 *   <li><b>The thread's last choice.</b> Right after choosing an alias, on the same thread, the
 *       engines fetch its chain and key by alias; a bounded cache may have evicted the entry in
 *       between, so the key manager keeps its last choice per thread ({@link #chose},
 *       {@link #lastChosen}).</li>
 * </ol>
 */
final class HandshakeLookup {

    /** BoringSSL engines in handshake → their state (engines use identity equality). */
    private static final Map<SSLEngine, HandshakeState> BY_ENGINE = new ConcurrentHashMap<>();
    /** The same by native SSL pointer, for handshakes whose RSA key {@link OpenSslSigner} signs with. */
    private static final Map<Long, HandshakeState> BY_SSL = new ConcurrentHashMap<>();
    /** The certificate the key manager chose last on this thread. */
    private static final ThreadLocal<PreparedCertificate> LAST = new ThreadLocal<>();

    private HandshakeLookup() {
    }

    /** Installs {@code st} as {@code engine}'s SNI matcher (1), and for BoringSSL registers it by engine (2). */
    static void attach(SSLEngine engine, HandshakeState st) {
        if (engine instanceof ReferenceCountedOpenSslEngine e) {
            // getSSLParameters() on BoringSSL's engine costs ~26 µs: set only the matcher, keep the server-preference flag
            SSLParameters p = new SSLParameters();
            p.setUseCipherSuitesOrder((SSL.getOptions(e.sslPointer()) & SSL.SSL_OP_CIPHER_SERVER_PREFERENCE) != 0);
            p.setSNIMatchers(List.of(st));
            e.setSSLParameters(p);
            BY_ENGINE.put(engine, st);
            return;
        }
        SSLParameters p = engine.getSSLParameters();
        p.setSNIMatchers(List.of(st));
        engine.setSSLParameters(p);
    }

    /** The state of the handshake {@code engine} runs, or null (an engine not made by the seam). */
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

    /** Makes {@code st} findable by the engine's native SSL pointer (3) until {@link #detach}. */
    static void attachSsl(HandshakeState st, long sslPointer) {
        st.ssl = sslPointer;
        BY_SSL.put(sslPointer, st);
    }

    /** The state of the handshake on native SSL {@code sslPointer}, or null. */
    static HandshakeState ofSsl(long sslPointer) {
        return BY_SSL.get(sslPointer);
    }

    /** Forgets a BoringSSL engine once its handshake is over (the JDK engine carries the state itself). */
    static void detach(SSLEngine engine) {
        HandshakeState st = BY_ENGINE.remove(engine);
        if (st != null && st.ssl != 0) {
            BY_SSL.remove(st.ssl, st);
        }
    }

    /** BoringSSL engines whose handshake is under way (tests: nothing stays behind). */
    static int attachedOpenSslEngines() {
        return BY_ENGINE.size();
    }

    /** Records the key manager's choice on this thread (4). */
    static void chose(PreparedCertificate p) {
        LAST.set(p);
    }

    /** The key manager's last choice on this thread when its alias is {@code alias}, else null. */
    static PreparedCertificate lastChosen(String alias) {
        PreparedCertificate p = LAST.get();
        return p != null && p.alias().equals(alias) ? p : null;
    }
}
