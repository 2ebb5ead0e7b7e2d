package io.ccsfront.doctor;

/**
 * The stable codes of {@code doctor} findings. Scripts and alerts match on these names; add
 * codes, never rename them.
 */
public enum FindingCode {
    /** The certificate a site's handshake gets does not cover the site's hostname (clients see a name error). */
    NAME_MISMATCH,
    /** An {@code ipport}/{@code hostnameport} binding names a certificate its store does not hold. */
    CERT_MISSING,
    /** A bound certificate or a CCS entry has no private key, so it cannot serve TLS. */
    PRIVATE_KEY_MISSING,
    /** A bound certificate or a CCS entry has a private key that failed to load at run time. */
    PRIVATE_KEY_UNUSABLE,
    /** A site binding for which no level yields a usable certificate: its handshakes fail. */
    NO_CERTIFICATE,
    /** A bound certificate or a CCS entry is past its notAfter date. */
    CERT_EXPIRED,
    /** A bound certificate or a CCS entry is before its notBefore date. */
    CERT_NOT_YET_VALID,
    /** A bound certificate or a CCS entry expires within the window doctor was given. */
    CERT_EXPIRING,
    /** A self-signed certificate (such as the "Default" one on the wildcard binding) serves a real hostname. */
    SELF_SIGNED_SERVES_NAMES,
    /** An exact IP:Port binding takes the handshake (level 1) from a site's SNI or CCS certificate on that address. */
    IP_SHADOWS_SNI,
    /** Two sites have the same binding (protocol, address, port, host); only one of them gets the requests. */
    DUPLICATE_SITE_BINDING,
    /** Several sites' handshakes use one certificate-carrying SSL binding: deleting or rebinding it changes all of them. */
    SHARED_SSL_BINDING,
    /** A CCS entry holds a certificate that does not cover the entry's own key name. */
    CCS_NAME_MISMATCH
}
