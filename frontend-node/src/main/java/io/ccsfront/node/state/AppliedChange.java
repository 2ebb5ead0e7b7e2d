package io.ccsfront.node.state;

import io.ccsfront.cert.Thumbprint;
import io.ccsfront.config.AffectedCertificates;
import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigSnapshot;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * One change as this node applied it, with the certificates it touched — computed once
 * ({@link AppliedChanges}) for everything that drops or records state by certificate: the TLS
 * layer's caches and session resumption, the audit log.
 *
 * @param record   the change; null when the whole configuration was replaced (a cluster
 *                 checkpoint loaded over an older state): then any certificate may have changed
 * @param replaced certificates the change replaced or removed, sorted (empty when {@code record} is null)
 * @param added    certificates the change put in their place or added, sorted (empty when {@code record} is null)
 */
public record AppliedChange(ConfigSnapshot before, ConfigSnapshot after, ChangeRecord record, Set<Thumbprint> replaced,
                            Set<Thumbprint> added) {

    public AppliedChange {
        replaced = Collections.unmodifiableSet(new TreeSet<>(replaced));
        added = Collections.unmodifiableSet(new TreeSet<>(added));
    }

    /** Works out what {@code record} (or a whole replacement, when null) did to certificates. */
    public static AppliedChange of(ConfigSnapshot before, ConfigSnapshot after, ChangeRecord record) {
        if (record == null) {
            return new AppliedChange(before, after, null, Set.of(), Set.of());
        }
        AffectedCertificates.Split split = AffectedCertificates.split(before, record.change());
        return new AppliedChange(before, after, record, split.old(), split.added());
    }

    /** Whether the whole configuration was replaced rather than changed by one record. */
    public boolean replacedEverything() {
        return record == null;
    }

    /** Every certificate the change touched, replaced or added (sorted). */
    public Set<Thumbprint> affected() {
        Set<Thumbprint> all = new TreeSet<>(replaced);
        all.addAll(added);
        return all;
    }
}
