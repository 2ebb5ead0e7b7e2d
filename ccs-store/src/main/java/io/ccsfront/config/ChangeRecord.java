package io.ccsfront.config;

import java.time.Instant;
import java.util.Objects;

/**
 * A committed change: the version it produced, the change, who made it and when. The
 * cluster's journal and every node's durable journal hold these; applying them in version
 * order reproduces the configuration exactly.
 */
public record ChangeRecord(long version, ConfigChange change, String actor, Instant committedAt) {

    public ChangeRecord {
        if (version < 1) {
            throw new IllegalArgumentException("change version must be positive: " + version);
        }
        Objects.requireNonNull(change, "change");
        actor = actor == null || actor.isBlank() ? "unknown" : actor;
        Objects.requireNonNull(committedAt, "committedAt");
    }

    /** Applies this record to {@code s}, which must be at {@code version - 1}. */
    public ConfigSnapshot applyTo(ConfigSnapshot s) {
        return s.apply(change, version - 1);
    }
}
