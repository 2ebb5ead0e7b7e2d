package io.ccsfront.binding;

import io.ccsfront.cert.Thumbprint;
import io.ccsfront.name.HostNames;
import java.util.Objects;

/** {@code netsh http add sslcert hostnameport=HOST:PORT certhash=… appid=… certstorename=…}: an SNI binding. */
public record HostnamePortBinding(String hostname, int port, Thumbprint certHash, String certStoreName, String appId,
                                  TlsOptions tls) implements SslBinding {

    public HostnamePortBinding {
        Objects.requireNonNull(hostname, "hostnameport");
        if (hostname.indexOf('*') >= 0) {
            throw new IllegalArgumentException("hostnameport takes an exact hostname, not a wildcard: " + hostname);
        }
        hostname = HostNames.require(hostname, "hostnameport");
        Ports.check(port, "hostnameport");
        Objects.requireNonNull(certHash, "certhash");
        certStoreName = CertStoreNames.normalize(certStoreName);
        appId = AppIds.normalize(appId);
        tls = tls == null ? TlsOptions.DEFAULT : tls;
    }

    public HostnamePortBinding(String hostname, int port, Thumbprint certHash) {
        this(hostname, port, certHash, null, null, null);
    }

    @Override
    public BindingKey key() {
        return BindingKey.hostnamePort(hostname, port);
    }

    @Override
    public HostnamePortBinding withCertHash(Thumbprint hash) {
        return new HostnamePortBinding(hostname, port, hash, certStoreName, appId, tls);
    }

    @Override
    public String toString() {
        return key() + " certhash=" + certHash;
    }
}
