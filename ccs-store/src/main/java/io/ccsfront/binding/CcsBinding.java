package io.ccsfront.binding;

import io.ccsfront.cert.Thumbprint;

/** {@code netsh http add sslcert ccs=PORT}: "use the Central Certificate Store on this port". */
public record CcsBinding(int port, String appId, TlsOptions tls) implements SslBinding {

    public CcsBinding {
        Ports.check(port, "ccs");
        appId = AppIds.normalize(appId);
        tls = tls == null ? TlsOptions.DEFAULT : tls;
    }

    public CcsBinding(int port) {
        this(port, null, null);
    }

    @Override
    public BindingKey key() {
        return BindingKey.ccs(port);
    }

    @Override
    public Thumbprint certHash() {
        return null;
    }

    @Override
    public String certStoreName() {
        return null;
    }

    @Override
    public CcsBinding withCertHash(Thumbprint hash) {
        return this;
    }

    @Override
    public String toString() {
        return key().toString();
    }
}
