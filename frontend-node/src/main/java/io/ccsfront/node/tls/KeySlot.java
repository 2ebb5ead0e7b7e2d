package io.ccsfront.node.tls;

/**
 * Where {@link OpenSslSigner} keeps the OpenSSL form of one prepared certificate's key: set once,
 * on the first signature; the native memory is freed when this slot (and so its
 * {@link PreparedCertificate}) is no longer reachable. Typed {@code Object} so that classes
 * outside the signer never touch the incubating foreign-function API.
 */
final class KeySlot {
    volatile Object nativeKey;
}
