package io.ccsfront.config;

import io.ccsfront.binding.SslBinding;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.cert.Thumbprint;
import java.util.Set;
import java.util.TreeSet;

/**
 * The certificates a change touches. {@link #of} is what a node drops from its prepared-
 * certificate cache after applying the change, and nothing else; {@link #split} tells which
 * certificates the change replaced or removed ({@code old}) and which it put in their place
 * ({@code added}), for the audit log. A rotation replaces OLD by NEW; a CCS put or an SSL binding
 * update naming another certificate replaces the one before; a delete removes; a put adds.
 */
public final class AffectedCertificates {

    /** Certificates replaced or removed, and certificates put in their place. */
    public record Split(Set<Thumbprint> old, Set<Thumbprint> added) {
    }

    private AffectedCertificates() {
    }

    public static Set<Thumbprint> of(ConfigSnapshot before, ConfigChange change) {
        Split s = split(before, change);
        Set<Thumbprint> all = new TreeSet<>(s.old());
        all.addAll(s.added());
        return all;
    }

    public static Split split(ConfigSnapshot before, ConfigChange change) {
        Split s = new Split(new TreeSet<>(), new TreeSet<>());
        collect(before, change, s.old(), s.added());
        return s;
    }

    private static void collect(ConfigSnapshot before, ConfigChange change, Set<Thumbprint> olds, Set<Thumbprint> news) {
        if (change instanceof ConfigChange.Batch b) {
            b.changes().forEach(c -> collect(before, c, olds, news));
        } else if (change instanceof ConfigChange.Rotate r) {
            olds.add(r.from());
            news.add(r.to().thumbprint());
        } else if (change instanceof ConfigChange.PutCcs c) {
            StoredCertificate old = before.ccs(c.key());
            if (old != null && !old.thumbprint().equals(c.certificate().thumbprint())) {
                olds.add(old.thumbprint());
            }
            news.add(c.certificate().thumbprint());
        } else if (change instanceof ConfigChange.DeleteCcs c) {
            StoredCertificate old = before.ccs(c.key());
            if (old != null) {
                olds.add(old.thumbprint());
            }
        } else if (change instanceof ConfigChange.PutBinding c) {
            SslBinding old = before.binding(c.binding().key());
            if (old != null && old.certHash() != null && !old.certHash().equals(c.binding().certHash())) {
                olds.add(old.certHash());
            }
            if (c.binding().certHash() != null && (old == null || !c.binding().certHash().equals(old.certHash()))) {
                news.add(c.binding().certHash());
            }
        } else if (change instanceof ConfigChange.DeleteBinding c) {
            SslBinding old = before.binding(c.key());
            if (old != null && old.certHash() != null) {
                olds.add(old.certHash());
            }
        } else if (change instanceof ConfigChange.PutCertificate c) {
            news.add(c.certificate().thumbprint());
        } else if (change instanceof ConfigChange.DeleteCertificate c) {
            olds.add(c.thumbprint());
        }
    }
}
