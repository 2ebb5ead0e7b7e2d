package io.ccsfront.binding;

import io.ccsfront.cert.Thumbprint;
import java.util.Objects;

/** {@code netsh http add sslcert ipport=IP:PORT certhash=… appid=… certstorename=…}. */
public record IpPortBinding(IpPort ipPort, Thumbprint certHash, String certStoreName, String appId, TlsOptions tls)
        implements SslBinding {

    public IpPortBinding {
        Objects.requireNonNull(ipPort, "ipport");
        Objects.requireNonNull(certHash, "certhash");
        certStoreName = CertStoreNames.normalize(certStoreName);
        appId = AppIds.normalize(appId);
        tls = tls == null ? TlsOptions.DEFAULT : tls;
    }

    public IpPortBinding(IpPort ipPort, Thumbprint certHash) {
        this(ipPort, certHash, null, null, null);
    }

    @Override
    public BindingKey key() {
        return BindingKey.ipPort(ipPort);
    }

    @Override
    public int port() {
        return ipPort.port();
    }

    @Override
    public IpPortBinding withCertHash(Thumbprint hash) {
        return new IpPortBinding(ipPort, hash, certStoreName, appId, tls);
    }

    @Override
    public String toString() {
        return key() + " certhash=" + certHash;
    }
}
