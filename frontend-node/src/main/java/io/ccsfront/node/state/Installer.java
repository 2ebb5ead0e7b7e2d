package io.ccsfront.node.state;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.cert.KeyProtector;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigException;
import io.ccsfront.config.ConfigSnapshot;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the node commits on start before it serves, as the hosting front end's installer does:
 * the self-signed Default certificate on HTTPS ports without a wildcard binding
 * ({@code tls.defaultCertificate}), and a {@code ccs=PORT} binding on the ports of
 * {@code ccs.bindPorts} that have none. Every node of a cluster runs this; the first one's commit
 * wins and the others find nothing left to do.
 */
public final class Installer {

    private static final Logger LOG = LoggerFactory.getLogger(Installer.class);

    private Installer() {
    }

    /** Commits the Default certificate and its wildcard bindings where missing ({@link DefaultCertificate}). */
    public static void defaultCertificate(ConfigService configService, Set<Integer> httpsPorts, KeyProtector protector, Clock clock) {
        for (int attempt = 0; attempt < 10; attempt++) {
            ConfigSnapshot now = configService.current();
            ConfigChange def = DefaultCertificate.missing(now, httpsPorts, protector, clock);
            if (def == null) {
                return;
            }
            try {
                configService.commit(def, now.version(), "installer");
                return;
            } catch (ConfigException.StaleVersion e) {
                LOG.debug("another node changed the configuration first; re-checking the Default certificate");
            }
        }
    }

    /** Commits a {@code ccs=PORT} binding for each of {@code ports} that has none. */
    public static void ccsBindings(ConfigService configService, Collection<Integer> ports) {
        for (int port : ports) {
            ConfigSnapshot now = configService.current();
            if (now.ccsBinding(port) == null) {
                try {
                    configService.commit(new ConfigChange.PutBinding(new CcsBinding(port), ConfigChange.Mode.ADD), now.version(), "installer");
                } catch (ConfigException e) {
                    LOG.debug("ccs={} binding: {}", port, e.getMessage());
                }
            }
        }
    }
}
