package io.ccsfront.node.tls;

import io.ccsfront.cert.Thumbprint;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The key manager every listener's one TLS context uses: for each handshake it asks the
 * {@link HandshakeState} attached to the engine (local address + SNI → selection), and serves
 * the chosen certificate under its thumbprint as alias. It finds the handshake, and its last
 * choice on this thread, through {@link HandshakeLookup}.
 */
final class SelectingKeyManager extends X509ExtendedKeyManager {

    static final String NO_CERTIFICATE = "no-certificate";
    private final CertificateCache cache;
    private final NativeKeyCacheRefresher refresher;
    private final boolean rsaSignedElsewhere;

    SelectingKeyManager(CertificateCache cache, NativeKeyCacheRefresher refresher, boolean rsaSignedElsewhere) {
        this.cache = cache;
        this.refresher = refresher;
        this.rsaSignedElsewhere = rsaSignedElsewhere;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        HandshakeState st = HandshakeLookup.of(engine);
        if (st == null) {
            return null;
        }
        // the SNI matcher usually decided already; decoding the SNI again builds SNIHostName objects (IDN checks)
        PreparedCertificate p = st.decided() ? st.prepared() : st.decide(requestedSni(engine.getHandshakeSession()));
        if (p == null) {
            // BoringSSL turns a null alias into internal_error; an alias without a chain makes Netty set no
            // key material, and BoringSSL then ends the handshake with handshake_failure (the JDK does so on null)
            return engine instanceof ReferenceCountedOpenSslEngine ? NO_CERTIFICATE : null;
        }
        if (!keyTypeMatches(keyType, p)) {
            return null;
        }
        HandshakeLookup.chose(p);
        if (refresher != null) { // only with BoringSSL engines (FrontendNode makes none for the JDK engine)
            refresher.served(p.alias());
        }
        if (rsaSignedElsewhere && isRsa(p) && engine instanceof ReferenceCountedOpenSslEngine e) {
            HandshakeLookup.attachSsl(st, e.sslPointer()); // OpenSslSigner will sign for this handshake and finds it by the native pointer
        }
        return p.alias();
    }

    private static boolean isRsa(PreparedCertificate p) {
        return "RSA".equals(p.key().getAlgorithm());
    }

    static boolean keyTypeMatches(String keyType, PreparedCertificate p) {
        String alg = p.key().getAlgorithm();
        return keyType == null || keyType.equals(alg) || (alg.equals("RSA") && keyType.startsWith("RSA"))
                || (alg.equals("EC") && keyType.startsWith("EC"));
    }

    static String requestedSni(SSLSession s) {
        if (s instanceof ExtendedSSLSession es) {
            List<SNIServerName> names = es.getRequestedServerNames();
            for (SNIServerName n : names) {
                if (n instanceof SNIHostName h) {
                    return h.getAsciiName();
                }
            }
        }
        return null;
    }

    private PreparedCertificate byAlias(String alias) {
        if (alias == null || alias.equals(NO_CERTIFICATE)) {
            return null;
        }
        PreparedCertificate p = HandshakeLookup.lastChosen(alias);
        return p != null ? p : cache.cached(Thumbprint.parse(alias));
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        PreparedCertificate p = byAlias(alias);
        return p == null ? null : p.chain().clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        PreparedCertificate p = byAlias(alias);
        if (p == null) {
            return null;
        }
        if (rsaSignedElsewhere && isRsa(p)) {
            // tls.rsaSigner=openssl: a chain without a key makes netty-tcnative hand BoringSSL the context's
            // private-key method (OpenSslSigner) for this connection; the key never enters BoringSSL. ECDSA
            // keys stay with BoringSSL, which signs P-256 for less than the call out to OpenSSL costs.
            return null;
        }
        return p.key();
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
