package io.ccsfront.node.state;

import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigSnapshot;

/**
 * The node's view of the configuration and the one way to change it. {@link #current()} is a
 * volatile read of an immutable snapshot (the per-handshake and per-request paths use only
 * this); {@link #commit} blocks until the change is durable and applied on this node.
 */
public interface ConfigService extends AutoCloseable {

    /** Pass as {@code expectedVersion} to apply on top of whatever is current. */
    long ANY_VERSION = -1;

    ConfigSnapshot current();

    /**
     * Commits {@code change}, computed from {@code expectedVersion} (or {@link #ANY_VERSION}).
     * Returns once the change is durable and this node serves it.
     *
     * @throws io.ccsfront.config.ConfigException.StaleVersion when the configuration moved on
     * @throws io.ccsfront.config.ConfigException when the change is refused
     */
    ChangeRecord commit(ConfigChange change, long expectedVersion, String actor);

    /** Called on the applier thread after each change is applied (in version order). */
    void addListener(Listener listener);

    /** Whether the configuration has been loaded and the node may serve (readiness). */
    boolean ready();

    @Override
    void close();

    /** Observer of applied changes. */
    @FunctionalInterface
    interface Listener {
        void applied(ConfigSnapshot before, ConfigSnapshot after, ChangeRecord record);
    }
}
