package io.ccsfront.node.admin;

import io.ccsfront.binding.SslBinding;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigSnapshot;
import java.util.Set;

/**
 * For the audit log: which certificates a change replaces (old) and puts in their place (new),
 * and a short type name. A rotation replaces OLD by NEW; a CCS put or an SSL binding update that
 * names another certificate replaces the one before; a delete removes (old only); a put adds (new only).
 */
final class Replacements {

    private Replacements() {
    }

    static void collect(ConfigSnapshot before, ConfigChange change, Set<Thumbprint> olds, Set<Thumbprint> news) {
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

    /** {@code rotate}, {@code putCcs}, {@code batch}, …: the change's record name with a lower-case first letter. */
    static String type(ConfigChange change) {
        String n = change.getClass().getSimpleName();
        return Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }
}
