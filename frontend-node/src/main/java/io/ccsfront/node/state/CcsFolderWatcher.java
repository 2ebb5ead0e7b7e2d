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

    public CcsFolderWatcher(Path folder, char[] password, KeyProtector protector, ConfigService config) {
        this.provider = new CcsFolderProvider(folder, password, protector);
        this.config = config;
    }

    /**
     * Imports the folder now (the node reports ready only after this first import), then rescans
     * every {@code interval} — or every ten times the last scan's duration when that is longer, so
     * that a folder of 100,000 files never keeps a core busy.
     */
    public void start(Vertx vertx, Duration interval) {
        LOG.info("importing CCS folder {}, then rescanning every {}", provider.directory(), interval);
        long t0 = System.nanoTime();
        int n = scanOnce();
        LOG.info("CCS folder {}: {} change(s) imported in {} ms", provider.directory(), n, (System.nanoTime() - t0) / 1_000_000);
        schedule(vertx, interval, n > 0 ? 0 : System.nanoTime() - t0);
    }

    /** {@code idleScanNanos}: how long the last scan that found nothing to import took (0 after an import). */
    private void schedule(Vertx vertx, Duration interval, long idleScanNanos) {
        long delayMs = Math.max(Math.max(100, interval.toMillis()), idleScanNanos * 10 / 1_000_000);
        vertx.setTimer(delayMs, id -> vertx.executeBlocking(() -> {
            long t0 = System.nanoTime();
            int n = scanOnce();
            return n > 0 ? 0L : System.nanoTime() - t0;
        }).onComplete(r -> schedule(vertx, interval, r.succeeded() ? r.result() : 0)));
    }

    /** One scan and commit; synchronized so scans never overlap. */
    public synchronized int scanOnce() {
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
        }
    }

    private void report(String problem) {
        if (reported.add(problem)) {
            LOG.warn("{}", problem);
        }
    }
}
