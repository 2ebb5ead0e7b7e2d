package io.ccsfront.node.admin;

import io.ccsfront.config.ConfigChange;

/**
 * For the audit log: a change's short type name. (Which certificates it replaces and puts in
 * their place: {@link io.ccsfront.config.AffectedCertificates#split}.)
 */
final class Replacements {

    private Replacements() {
    }

    /** {@code rotate}, {@code putCcs}, {@code batch}, …: the change's record name with a lower-case first letter. */
    static String type(ConfigChange change) {
        String n = change.getClass().getSimpleName();
        return Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }
}
