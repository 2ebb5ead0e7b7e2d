package io.ccsfront.node.tls;

import javax.net.ssl.X509KeyManager;

/** Creates the per-handshake key manager for a listener. */
public final class SelectingKeyManagers {

    private SelectingKeyManagers() {
    }

    public static X509KeyManager create(CertificateCache cache) {
        return new SelectingKeyManager(cache, null, false);
    }

    /** With BoringSSL: also counts the certificates served for the native key cache's {@link NativeKeyCacheRefresher}. */
    public static X509KeyManager create(CertificateCache cache, NativeKeyCacheRefresher refresher) {
        return new SelectingKeyManager(cache, refresher, false);
    }

    /**
     * With BoringSSL and {@code tls.rsaSigner=openssl}: the key manager gives BoringSSL the chains of
     * RSA certificates without their keys, so that their private-key operations go to the context's
     * private-key method; ECDSA keys are BoringSSL's as before.
     */
    public static X509KeyManager create(CertificateCache cache, NativeKeyCacheRefresher refresher, boolean rsaSignedElsewhere) {
        return new SelectingKeyManager(cache, refresher, rsaSignedElsewhere);
    }
}
