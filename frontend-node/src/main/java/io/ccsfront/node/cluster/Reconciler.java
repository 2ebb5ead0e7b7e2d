package io.ccsfront.node.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a starting node up to the cluster's configuration: from the journal when it still
 * holds the next version, else from the checkpoint; after a full-cluster restart (empty
 * journal), the node with the highest local version (ties: the lowest name) publishes its state
 * as the checkpoint and the others load it. Local histories are prefixes of one history (every
 * node applies the same records in the same order), so the most advanced node holds them all.
 */
final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final HazelcastInstance hz;
    private final ClusterConfigService service;
    private final Duration timeout;

    Reconciler(HazelcastInstance hz, ClusterConfigService service, Duration timeout) {
        this.hz = hz;
        this.service = service;
        this.timeout = timeout;
    }

    void reconcile(int initialMembers) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (hz.getCluster().getMembers().size() < initialMembers && System.nanoTime() < deadline) {
            pause();
        }
        if (hz.getCluster().getMembers().size() < initialMembers) {
            LOG.warn("only {} of {} expected cluster members joined within {}; continuing", hz.getCluster().getMembers().size(),
                    initialMembers, timeout);
        }
        ClusterMembers members = new ClusterMembers(hz);
        long localVersion = service.current().version();
        members.publishStartupVersion(localVersion);
        members.awaitStartupVersions(deadline);

        Journal journal = service.journal();
        Checkpoints checkpoints = service.checkpoints();
        long next = localVersion + 1;
        long head = journal.maxVersion();
        long cp = checkpoints.version();
        if (head >= next && journal.contains(next)) {
            LOG.info("catching up from the cluster journal: version {} -> {}", localVersion, head);
        } else if (head > next || cp > localVersion) {
            if (cp > localVersion) {
                service.replaceWithCheckpoint();
            } else {
                LOG.error("the cluster journal no longer holds version {} and no checkpoint covers it", next);
            }
        } else {
            long highest = members.highestStartupVersion();
            if (highest > localVersion) {
                LOG.info("another member has version {} (this node {}): waiting for its checkpoint", highest, localVersion);
                while (checkpoints.version() < highest && System.nanoTime() < deadline + timeout.toNanos()) {
                    pause();
                }
                service.replaceWithCheckpoint();
            } else if (localVersion > cp && members.isLeaderAmongHighest(localVersion)) {
                LOG.info("this node holds the newest configuration (version {}): publishing it as the cluster checkpoint", localVersion);
                service.publishCheckpoint();
            }
        }
        service.catchUpNow();
        LOG.info("configuration at version {} after joining a cluster of {}", service.current().version(),
                hz.getCluster().getMembers().size());
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
