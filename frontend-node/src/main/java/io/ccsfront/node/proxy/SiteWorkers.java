package io.ccsfront.node.proxy;

import io.ccsfront.config.ConfigSnapshot;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The workers of one site in configuration order, with a round-robin cursor. Valid for the
 * snapshot it was last checked in and the worker generation it was built in (see {@link
 * Workers}); the per-request path compares two references and does nothing else.
 */
final class SiteWorkers {

    final String siteName;
    final List<URI> uris;
    final Worker[] workers;
    private final AtomicInteger cursor = new AtomicInteger();
    volatile ConfigSnapshot checkedIn;
    volatile long generation;

    SiteWorkers(String siteName, List<URI> uris, Worker[] workers, ConfigSnapshot checkedIn, long generation) {
        this.siteName = siteName;
        this.uris = uris;
        this.workers = workers;
        this.checkedIn = checkedIn;
        this.generation = generation;
    }

    /** The next healthy worker in round-robin order other than {@code exclude}, or null. */
    Worker pick(Worker exclude) {
        int n = workers.length;
        if (n == 0) {
            return null;
        }
        int start = Math.floorMod(cursor.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            Worker w = workers[(start + i) % n];
            if (w != exclude && w.healthy()) {
                return w;
            }
        }
        return null;
    }

    boolean anyRetired() {
        for (Worker w : workers) {
            if (w.retired()) {
                return true;
            }
        }
        return false;
    }
}
