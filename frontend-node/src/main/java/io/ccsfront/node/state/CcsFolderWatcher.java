package io.ccsfront.node.state;

import io.ccsfront.cert.KeyProtector;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigException;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.store.CcsFolderProvider;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the CCS folder ({@code ccs.folder}) off the event loop and commits what changed as one
 * batch. In a cluster every node may watch the same share: the first to commit wins the
 * version, the others see a stale version, rescan, and find nothing left to do.
 */
public final class CcsFolderWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CcsFolderWatcher.class);

    private static final int BATCH = 1000;
    private final CcsFolderProvider provider;
    private final ConfigService config;
    private final Set<String> reported = new HashSet<>();
    private volatile boolean running;

    public CcsFolderWatcher(Path folder, char[] password, KeyProtector protector, ConfigService config) {
        this.provider = new CcsFolderProvider(folder, password, protector);
        this.config = config;
    }

    public void start(Vertx vertx, Duration interval) {
        LOG.info("watching CCS folder {} every {}", provider.directory(), interval);
        vertx.executeBlocking(() -> {
            scanOnce();
            return null;
        });
        vertx.setPeriodic(Math.max(100, interval.toMillis()), id -> {
            if (!running) {
                vertx.executeBlocking(() -> {
                    scanOnce();
                    return null;
                });
            }
        });
    }

    /** One scan and commit; synchronized so scans never overlap. */
    public synchronized int scanOnce() {
        running = true;
        try {
            if (!Files.isDirectory(provider.directory())) {
                report("CCS folder " + provider.directory() + " does not exist or is not a folder");
                return 0;
            }
            for (int attempt = 0; attempt < 5; attempt++) {
                ConfigSnapshot s = config.current();
                CcsFolderProvider.Scan scan = provider.scan(s);
                scan.problems().forEach(this::report);
                if (scan.changes().isEmpty()) {
                    return 0;
                }
                try {
                    // large folders (100,000 files) commit in slices: each journal record stays small
                    long expected = s.version();
                    List<ConfigChange> all = scan.changes();
                    for (int from = 0; from < all.size(); from += BATCH) {
                        var rec = config.commit(new ConfigChange.Batch(all.subList(from, Math.min(all.size(), from + BATCH))),
                                expected, "ccs-folder");
                        expected = rec.version();
                    }
                    LOG.info("CCS folder {}: committed {} change(s)", provider.directory(), all.size());
                    return all.size();
                } catch (ConfigException.StaleVersion e) {
                    LOG.debug("configuration moved on while scanning the CCS folder; rescanning");
                }
            }
            return 0;
        } catch (Exception e) {
            report("CCS folder scan failed: " + e.getMessage());
            return 0;
        } finally {
            running = false;
        }
    }

    private void report(String problem) {
        if (reported.add(problem)) {
            LOG.warn("{}", problem);
        }
    }
}
