package io.ccsfront.name;

import java.util.Collection;

/**
 * RFC 6125 matching of a certificate's DNS name against a requested hostname.
 *
 * <ul>
 *   <li>case-insensitive (both sides are compared in their normalised, lower-case form);</li>
 *   <li>a wildcard only as the whole left-most label: {@code *.a.com} matches {@code b.a.com}
 *       but neither {@code a.com} nor {@code c.b.a.com};</li>
 *   <li>no partial-label wildcards: {@code f*.a.com} and {@code *x.a.com} never match;</li>
 *   <li>a wildcard needs at least two labels after it ({@code *.com} never matches).</li>
 * </ul>
 */
public final class HostnameMatcher {

    private HostnameMatcher() {
    }

    /**
     * Whether the certificate name {@code pattern} covers {@code host}. {@code host} must be
     * normalised ({@link HostNames#normalize}); {@code pattern} is compared case-insensitively.
     */
    public static boolean matches(String pattern, String host) {
        if (pattern == null || host == null || pattern.isEmpty() || host.isEmpty()) {
            return false;
        }
        String p = pattern.endsWith(".") ? pattern.substring(0, pattern.length() - 1) : pattern;
        if (p.startsWith("*.")) {
            String suffix = p.substring(2);
            if (suffix.indexOf('*') >= 0 || suffix.indexOf('.') < 0) {
                return false;
            }
            int dot = host.indexOf('.');
            if (dot <= 0) {
                return false;
            }
            return host.length() - dot - 1 == suffix.length() && host.regionMatches(true, dot + 1, suffix, 0, suffix.length());
        }
        if (p.indexOf('*') >= 0) {
            return false;
        }
        return p.equalsIgnoreCase(host);
    }

    /** Whether any of {@code patterns} covers {@code host}. */
    public static boolean anyMatches(Collection<String> patterns, String host) {
        for (String p : patterns) {
            if (matches(p, host)) {
                return true;
            }
        }
        return false;
    }
}
