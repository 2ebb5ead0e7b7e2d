package io.ccsfront.node.state;

import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.binding.SslBinding;
import io.ccsfront.cert.KeyProtector;
import io.ccsfront.cert.SelfSignedCertificates;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the hosting front end's installer does in the seeds: a self-signed certificate issued to
 * "Default", bound to {@code 0.0.0.0:<port>} and {@code [::]:<port>} on every HTTPS port that has
 * no wildcard binding yet, so every site answers HTTPS from the first start — with certificate
 * warnings until a real certificate replaces it.
 */
public final class DefaultCertificate {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultCertificate.class);
    public static final String APP_ID = "{4dc3e181-e14b-4a21-b022-59fc669b0914}";

    private DefaultCertificate() {
    }

    /** The change that adds the Default certificate and wildcard bindings where missing, or null. */
    public static ConfigChange missing(ConfigSnapshot s, Set<Integer> httpsPorts, KeyProtector protector, Clock clock) {
        Set<Integer> ports = new TreeSet<>();
        for (int p : httpsPorts) {
            if (s.ipPortBinding(IpPort.parse("0.0.0.0:" + p)) == null && s.ipPortBinding(IpPort.parse("[::]:" + p)) == null) {
                ports.add(p);
            }
        }
        if (ports.isEmpty()) {
            return null;
        }
        StoredCertificate def = SelfSignedCertificates.create("Default", List.of(), Duration.ofDays(3650), clock).stored(protector);
        List<ConfigChange> changes = new ArrayList<>();
        changes.add(new ConfigChange.PutCertificate("MY", def));
        for (int p : ports) {
            for (String w : new String[] {"0.0.0.0:", "[::]:"}) {
                SslBinding b = new IpPortBinding(IpPort.parse(w + p), def.thumbprint(), "MY", APP_ID, null);
                changes.add(new ConfigChange.PutBinding(b, ConfigChange.Mode.ADD));
            }
        }
        LOG.warn("created a self-signed 'Default' certificate {} bound to 0.0.0.0 and [::] on port(s) {}: every hostname "
                + "without its own certificate gets certificate errors until a real (wildcard) certificate replaces it "
                + "(ccsctl rotate --from {} --to <thumbprint>)", def.thumbprint(), ports, def.thumbprint());
        return new ConfigChange.Batch(changes);
    }
}
