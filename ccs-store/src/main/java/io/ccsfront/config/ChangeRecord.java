package io.ccsfront.config;

import java.time.Instant;
import java.util.Objects;

/**
 * A committed change: the version it produced, the change, who made it and when, and the chain
 * value of the history it was computed on ({@code previous}). The cluster's journal and every
 * node's durable journal hold these; applying them in version order
 * ({@code io.ccsfront.store.History}) reproduces the configuration exactly.
 */
public record ChangeRecord(long version, ConfigChange change, String actor, Instant committedAt, String previous) {

    public ChangeRecord {
        if (version < 1) {
            throw new IllegalArgumentException("change version must be positive: " + version);
        }
        Objects.requireNonNull(change, "change");
        actor = actor == null || actor.isBlank() ? "unknown" : actor;
        Objects.requireNonNull(committedAt, "committedAt");
        previous = previous == null ? "" : previous;
    }

    /** A record without a chain value (applies to any history; tests and tools). */
    public ChangeRecord(long version, ConfigChange change, String actor, Instant committedAt) {
        this(version, change, actor, committedAt, "");
    }

    /** The record that follows {@code base}: its version plus one, chained to its history. */
    public static ChangeRecord next(ConfigSnapshot base, ConfigChange change, String actor, Instant at) {
        return new ChangeRecord(base.version() + 1, change, actor, at, base.chain());
    }

    /**
     * Whether this record applies to {@code base}, the snapshot it was computed from: throws
     * {@link ConfigException} with the reason, as applying it to its history would, without the
     * chain hash (which encodes the whole record; the commit path applies it again right after).
     */
    public void check(ConfigSnapshot base) {
        base.apply(change, version - 1);
    }
}
