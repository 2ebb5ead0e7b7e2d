package io.ccsfront.config;

import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.cert.Thumbprint;
import java.util.Set;
import java.util.TreeSet;

/**
 * The certificates a change touches: what a node must drop from its prepared-certificate cache
 * after applying it, and nothing else. A rotation touches OLD (and NEW, in case it was cached
 * with another key); a CCS put touches the entry's old and new certificate; a binding change
 * touches the certificates named before and after.
 */
public final class AffectedCertificates {

    private AffectedCertificates() {
    }

    public static Set<Thumbprint> of(ConfigSnapshot before, ConfigChange change) {
        Set<Thumbprint> out = new TreeSet<>();
        collect(before, change, out);
        return out;
    }

    private static void collect(ConfigSnapshot before, ConfigChange change, Set<Thumbprint> out) {
        if (change instanceof ConfigChange.Batch b) {
            b.changes().forEach(c -> collect(before, c, out));
        } else if (change instanceof ConfigChange.PutCertificate c) {
            out.add(c.certificate().thumbprint());
        } else if (change instanceof ConfigChange.DeleteCertificate c) {
            out.add(c.thumbprint());
        } else if (change instanceof ConfigChange.PutCcs c) {
            add(out, before.ccs(c.key()));
            out.add(c.certificate().thumbprint());
        } else if (change instanceof ConfigChange.DeleteCcs c) {
            add(out, before.ccs(c.key()));
        } else if (change instanceof ConfigChange.PutBinding c) {
            var old = before.binding(c.binding().key());
            if (old != null && old.certHash() != null) {
                out.add(old.certHash());
            }
            if (c.binding().certHash() != null) {
                out.add(c.binding().certHash());
            }
        } else if (change instanceof ConfigChange.DeleteBinding c) {
            var old = before.binding(c.key());
            if (old != null && old.certHash() != null) {
                out.add(old.certHash());
            }
        } else if (change instanceof ConfigChange.Rotate c) {
            out.add(c.from());
            out.add(c.to().thumbprint());
        }
    }

    private static void add(Set<Thumbprint> out, StoredCertificate c) {
        if (c != null) {
            out.add(c.thumbprint());
        }
    }
}
