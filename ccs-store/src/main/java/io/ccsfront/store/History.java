package io.ccsfront.store;

import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigException;
import io.ccsfront.config.ConfigSnapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The configuration's history as a hash chain: each snapshot carries a chain value, the SHA-256
 * over the previous chain value and the canonical JSON ({@link ConfigCodec#encode}) of the record
 * that produced it. Two nodes at the same version with the same chain value got there by the same
 * changes; a record computed on another history (a split brain, a partial restart) is refused.
 */
public final class History {

    private History() {
    }

    /**
     * Applies {@code r} to {@code s}, which must be at {@code r.version() - 1} and, when both carry
     * one, on the history the record was computed from (same chain value): a record from a
     * diverged history is refused, never applied.
     */
    public static ConfigSnapshot apply(ChangeRecord r, ConfigSnapshot s) {
        if (!r.previous().isEmpty() && !s.chain().isEmpty() && !r.previous().equals(s.chain())) {
            throw new ConfigException("version " + r.version() + " was computed on another history than this node's (chain "
                    + abbreviate(r.previous()) + " vs " + abbreviate(s.chain()) + "): refusing to apply it");
        }
        return s.apply(r.change(), r.version() - 1).withChain(chainAfter(s.chain(), r));
    }

    /** SHA-256 over the previous chain value and {@code r}'s canonical JSON. */
    public static String chainAfter(String before, ChangeRecord r) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(before.getBytes(StandardCharsets.US_ASCII));
            md.update(ConfigCodec.encode(r));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String h) {
        return h.length() > 12 ? h.substring(0, 12) : h;
    }
}
