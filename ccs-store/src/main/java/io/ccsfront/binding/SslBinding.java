package io.ccsfront.binding;

import io.ccsfront.cert.Thumbprint;

/**
 * An HTTP.SYS-layer SSL binding, what {@code netsh http add sslcert} creates: an
 * {@link IpPortBinding}, a {@link HostnamePortBinding} (SNI) or a {@link CcsBinding}.
 */
public sealed interface SslBinding permits IpPortBinding, HostnamePortBinding, CcsBinding {

    /** The default certificate store a binding names when {@code certstorename} is not given. */
    String DEFAULT_STORE = "MY";

    /** What identifies the binding: {@code ipport=10.0.0.1:443}, {@code hostnameport=a.com:443}, {@code ccs=443}. */
    BindingKey key();

    int port();

    TlsOptions tls();

    /** The thumbprint the binding names, or null for {@code ccs=}. */
    Thumbprint certHash();

    /** The store the binding's certificate lives in, or null for {@code ccs=}. */
    String certStoreName();

    /** The owning application's GUID as text ({@code {4dc3e181-…}}), or null. */
    String appId();

    /** This binding with another certificate (rotation); {@code ccs=} bindings are returned unchanged. */
    SslBinding withCertHash(Thumbprint hash);
}
