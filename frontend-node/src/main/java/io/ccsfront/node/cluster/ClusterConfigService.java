package io.ccsfront.node.cluster;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import io.ccsfront.cert.KeyProtector;
import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigException;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.store.CorruptDataException;
import io.ccsfront.store.History;
import io.ccsfront.store.LocalConfigStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration shared by the cluster (docs/CLUSTER.md).
 *
 * <ul>
 *   <li>Commit: validate against the local snapshot, then win the next version in the
 *       {@link Journal} with one {@code putIfAbsent} (stale versions are refused, never merged),
 *       then wait until this node has applied it — fsynced to its data folder — before acknowledging.</li>
 *   <li>Apply: one thread per node applies journal records strictly in version order, as journal
 *       events arrive; each record is written to the local durable store, published with one
 *       reference swap, and handed to listeners (which drop exactly the affected TLS state).</li>
 *   <li>Join and restart: a node starts from its local store, then catches up from the journal, or
 *       from the latest {@link Checkpoints checkpoint} when the journal has moved past it. After a
 *       full-cluster restart the most advanced node publishes its state as the checkpoint.</li>
 * </ul>
 *
 * The handshake and request paths read only {@link #current()}, never Hazelcast.
 */
public final class ClusterConfigService implements ConfigService {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConfigService.class);

    private final HazelcastInstance hz;
    private final Journal journal;
    private final Checkpoints checkpoints;
    private final LocalConfigStore local;
    private final Clock clock;
    private final String nodeName;
    private final int checkpointEvery;
    private final ExecutorService applier;
    private final ExecutorService background;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object commitLock = new Object();
    private volatile ConfigSnapshot current;
    private volatile boolean ready;
    private volatile String stalled;
    private volatile long lastCheckpoint;
    private volatile boolean checkpointRunning;

    ClusterConfigService(HazelcastInstance hz, KeyProtector protector, LocalConfigStore.Loaded loaded, Clock clock,
                         String nodeName, int checkpointEvery) {
        this.hz = hz;
        IMap<Long, byte[]> j = hz.getMap(HazelcastMember.JOURNAL);
        this.journal = new Journal(j, protector);
        this.checkpoints = new Checkpoints(hz.getMap(HazelcastMember.CHECKPOINT), protector);
        this.local = loaded.store();
        this.current = loaded.snapshot();
        this.clock = clock;
        this.nodeName = nodeName;
        this.checkpointEvery = checkpointEvery;
        this.applier = Executors.newSingleThreadExecutor(r -> daemon(r, "ccsfront-applier"));
        this.background = Executors.newSingleThreadExecutor(r -> daemon(r, "ccsfront-checkpoint"));
        j.addEntryListener((EntryAddedListener<Long, byte[]>) this::added, true);
    }

    /** Opens the local store, joins the cluster and catches up; returns when the node may serve. */
    public static ClusterConfigService start(HazelcastInstance hz, KeyProtector protector, Path dir, Clock clock, String nodeName,
                                             int initialMembers, Duration joinTimeout, int checkpointEvery) {
        LocalConfigStore.Loaded loaded;
        try {
            loaded = LocalConfigStore.open(dir, checkpointEvery);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the configuration store in " + dir + ": " + e.getMessage(), e);
        }
        LOG.info("local configuration in {}: version {} ({} journal records replayed)", dir, loaded.snapshot().version(), loaded.replayed());
        ClusterConfigService s = new ClusterConfigService(hz, protector, loaded, clock, nodeName, checkpointEvery);
        new Reconciler(hz, s, joinTimeout).reconcile(initialMembers);
        s.ready = s.stalled == null;
        return s;
    }

    @Override
    public ConfigSnapshot current() {
        return current;
    }

    @Override
    public boolean ready() {
        return ready && stalled == null && hz.getLifecycleService().isRunning();
    }

    @Override
    public void addListener(Listener l) {
        listeners.add(l);
    }

    Journal journal() {
        return journal;
    }

    Checkpoints checkpoints() {
        return checkpoints;
    }

    @Override
    public ChangeRecord commit(ConfigChange change, long expectedVersion, String actor) {
        synchronized (commitLock) {
            for (int attempt = 0; attempt < 20; attempt++) {
                catchUpNow();
                ConfigSnapshot base = current;
                if (stalled != null) {
                    throw new ConfigException("this node cannot commit: " + stalled);
                }
                if (expectedVersion != ANY_VERSION && expectedVersion != base.version()) {
                    throw new ConfigException.StaleVersion(expectedVersion, base.version());
                }
                if (checkpoints.version() > base.version()) {
                    replaceWithCheckpoint();
                    continue;
                }
                ChangeRecord record = ChangeRecord.next(base, change, actor, clock.instant());
                record.check(base); // throws ConfigException with the reason
                if (journal.tryAppend(record)) {
                    catchUpNow();
                    if (current.version() < record.version()) {
                        throw new ConfigException("version " + record.version() + " was committed to the cluster but this node "
                                + "has not applied it yet: " + (stalled == null ? "timeout" : stalled));
                    }
                    return record;
                }
                if (expectedVersion != ANY_VERSION) {
                    throw new ConfigException.StaleVersion(expectedVersion, base.version() + 1);
                }
            }
            throw new ConfigException("configuration is changing too fast to commit; retry");
        }
    }

    private void added(EntryEvent<Long, byte[]> e) {
        long v = e.getKey();
        byte[] value = e.getValue();
        applier.execute(() -> {
            if (v == current.version() + 1 && value != null) {
                applyBytes(v, value);
            }
            catchUp();
        });
    }

    /** Applies every consecutive journal record after the current version (applier thread only). */
    void catchUp() {
        while (stalled == null) {
            ChangeRecord r;
            try {
                r = journal.get(current.version() + 1);
            } catch (CorruptDataException e) {
                stall(e.getMessage());
                return;
            } catch (RuntimeException e) {
                LOG.warn("reading the cluster journal failed: {}", e.toString());
                return;
            }
            if (r == null) {
                return;
            }
            apply(r);
        }
    }

    private void applyBytes(long v, byte[] value) {
        try {
            apply(journal.decode(v, value));
        } catch (CorruptDataException e) {
            stall(e.getMessage());
        }
    }

    private void apply(ChangeRecord r) {
        ConfigSnapshot before = current;
        if (r.version() != before.version() + 1) {
            return;
        }
        ConfigSnapshot after;
        try {
            after = History.apply(r, before);
        } catch (RuntimeException e) {
            stall("version " + r.version() + " (" + r.change().describe() + ") does not apply: " + e.getMessage());
            return;
        }
        try {
            local.append(r, after);
        } catch (IOException e) {
            stall("the data folder cannot be written: " + e.getMessage());
            return;
        }
        current = after;
        LOG.info("applied version {} by {}: {}", r.version(), r.actor(), r.change().describe());
        for (Listener l : listeners) {
            try {
                l.applied(before, after, r);
            } catch (RuntimeException e) {
                LOG.error("configuration listener failed on version {}", r.version(), e);
            }
        }
        maybeCheckpoint(after);
    }

    private void stall(String why) {
        if (stalled == null) {
            LOG.error("configuration replication on node {} stopped: {}", nodeName, why);
        }
        stalled = why;
    }

    /** Runs {@link #catchUp} on the applier thread and waits for it. */
    void catchUpNow() {
        try {
            applier.submit(this::catchUp).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("interrupted while catching up with the cluster");
        } catch (ExecutionException | TimeoutException e) {
            throw new ConfigException("catching up with the cluster failed: " + e);
        }
    }

    /** Loads the cluster checkpoint when it is ahead of this node (applier thread). */
    void replaceWithCheckpoint() {
        try {
            applier.submit(() -> {
                ConfigSnapshot cp = checkpoints.read();
                if (cp != null && cp.version() > current.version()) {
                    ConfigSnapshot before = current;
                    local.compact(cp);
                    current = cp;
                    LOG.info("loaded cluster checkpoint at version {} (this node was at {})", cp.version(), before.version());
                    for (Listener l : listeners) {
                        l.applied(before, cp, null);
                    }
                }
                return null;
            }).get(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            stall("loading the cluster checkpoint failed: " + e.getCause());
        }
    }

    /** The oldest member checkpoints every {@code checkpointEvery} versions and trims the journal behind it. */
    private void maybeCheckpoint(ConfigSnapshot s) {
        if (s.version() - lastCheckpoint < checkpointEvery || checkpointRunning || !isOldestMember()) {
            return;
        }
        checkpointRunning = true;
        lastCheckpoint = s.version();
        background.execute(() -> {
            try {
                checkpoints.write(s);
                journal.trim(s.version() - checkpointEvery / 2);
                LOG.info("cluster checkpoint written at version {}", s.version());
            } catch (RuntimeException e) {
                LOG.warn("cluster checkpoint at version {} failed: {}", s.version(), e.toString());
            } finally {
                checkpointRunning = false;
            }
        });
    }

    /** Publishes this node's state as the cluster checkpoint (after a full restart). */
    void publishCheckpoint() {
        checkpoints.write(current);
        lastCheckpoint = current.version();
    }

    boolean isOldestMember() {
        return hz.getCluster().getMembers().iterator().next().localMember();
    }

    HazelcastInstance hazelcast() {
        return hz;
    }

    String stalled() {
        return stalled;
    }

    @Override
    public void close() {
        ready = false;
        applier.shutdown();
        background.shutdown();
        try {
            applier.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            hz.shutdown();
        } catch (RuntimeException e) {
            LOG.debug("leaving the cluster: {}", e.toString());
        }
        try {
            local.close();
        } catch (IOException e) {
            LOG.warn("closing the local store: {}", e.getMessage());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
