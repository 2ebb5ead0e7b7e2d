package io.ccsfront.node.state;

import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigException;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.store.History;
import io.ccsfront.store.LocalConfigStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single node's configuration, durable in its local data folder ({@link LocalConfigStore}).
 * Commits are serialised; each is validated against the current snapshot, written and fsynced,
 * then published with one reference swap.
 */
public final class LocalConfigService implements ConfigService {

    private static final Logger LOG = LoggerFactory.getLogger(LocalConfigService.class);

    private final LocalConfigStore store;
    private final Clock clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile ConfigSnapshot current;

    private LocalConfigService(LocalConfigStore store, ConfigSnapshot initial, Clock clock) {
        this.store = store;
        this.current = initial;
        this.clock = clock;
    }

    public static LocalConfigService open(Path dir, int compactEvery, Clock clock) {
        try {
            LocalConfigStore.Loaded loaded = LocalConfigStore.open(dir, compactEvery);
            LOG.info("configuration loaded from {}: version {} ({} journal records replayed), {}", dir,
                    loaded.snapshot().version(), loaded.replayed(), loaded.snapshot());
            return new LocalConfigService(loaded.store(), loaded.snapshot(), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the configuration store in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ConfigSnapshot current() {
        return current;
    }

    @Override
    public synchronized ChangeRecord commit(ConfigChange change, long expectedVersion, String actor) {
        ConfigSnapshot before = current;
        if (expectedVersion != ANY_VERSION && expectedVersion != before.version()) {
            throw new ConfigException.StaleVersion(expectedVersion, before.version());
        }
        ChangeRecord record = ChangeRecord.next(before, change, actor, clock.instant());
        ConfigSnapshot after = History.apply(record, before);
        try {
            store.append(record, after);
        } catch (IOException e) {
            throw new UncheckedIOException("change not committed: the data folder cannot be written: " + e.getMessage(), e);
        }
        current = after;
        LOG.info("version {} by {}: {}", record.version(), actor, change.describe());
        for (Listener l : listeners) {
            try {
                l.applied(before, after, record);
            } catch (RuntimeException e) {
                LOG.error("configuration listener failed on version {}", record.version(), e);
            }
        }
        return record;
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public synchronized void close() {
        try {
            store.close();
        } catch (IOException e) {
            LOG.warn("closing the configuration store: {}", e.getMessage());
        }
    }
}
