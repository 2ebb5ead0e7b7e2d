package io.ccsfront.config;

import java.time.Instant;
import java.util.Objects;

/**
 * A committed change: the version it produced, the change, who made it and when. The
 * cluster's journal and every node's durable journal hold these; applying them in version
 * order reproduces the configuration exactly.
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
     * Applies this record to {@code s}, which must be at {@code version - 1} and, when both carry
     * one, on the history the record was computed from (same chain value): a record from a
     * diverged history (a split brain, a partial restart) is refused, never applied.
     */
    public ConfigSnapshot applyTo(ConfigSnapshot s) {
        if (!previous.isEmpty() && !s.chain().isEmpty() && !previous.equals(s.chain())) {
            throw new ConfigException("version " + version + " was computed on another history than this node's (chain "
                    + abbreviate(previous) + " vs " + abbreviate(s.chain()) + "): refusing to apply it");
        }
        return s.apply(change, version - 1).withChain(chainAfter(s.chain()));
    }

    /**
     * Whether this record applies to {@code base}, the snapshot it was computed from: throws
     * {@link ConfigException} with the reason, as {@link #applyTo} would, without the chain hash
     * (which encodes the whole record; the commit path applies it again right after).
     */
    public void check(ConfigSnapshot base) {
        base.apply(change, version - 1);
    }

    /** SHA-256 over the previous chain value and this record's canonical JSON. */
    public String chainAfter(String before) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(before.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            md.update(io.ccsfront.store.ConfigCodec.encode(this));
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String h) {
        return h.length() > 12 ? h.substring(0, 12) : h;
    }
}
