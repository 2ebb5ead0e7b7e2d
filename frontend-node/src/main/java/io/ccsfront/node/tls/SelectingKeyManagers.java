package io.ccsfront.node.tls;

import javax.net.ssl.X509KeyManager;

/** Creates the per-handshake key manager for a listener. */
public final class SelectingKeyManagers {

    private SelectingKeyManagers() {
    }

    public static X509KeyManager create(CertificateCache cache) {
        return new SelectingKeyManager(cache, null);
    }

    /** With BoringSSL: also counts the certificates served for the native key cache's {@link NativeKeyCacheRefresher}. */
    public static X509KeyManager create(CertificateCache cache, NativeKeyCacheRefresher refresher) {
        return new SelectingKeyManager(cache, refresher);
    }
}
