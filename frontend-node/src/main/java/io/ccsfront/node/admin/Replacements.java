package io.ccsfront.node.admin;

import io.ccsfront.config.AffectedCertificates;

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
        AffectedCertificates.Split split = AffectedCertificates.split(before, change);
        olds.addAll(split.old());
        news.addAll(split.added());
    }

    /** {@code rotate}, {@code putCcs}, {@code batch}, …: the change's record name with a lower-case first letter. */
    static String type(ConfigChange change) {
        String n = change.getClass().getSimpleName();
        return Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }
}
