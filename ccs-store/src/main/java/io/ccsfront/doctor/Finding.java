package io.ccsfront.doctor;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem {@code doctor} found: how bad it is, a stable code, the objects involved, what is
 * wrong and how to fix it. The objects are plain strings so that the CLI and the admin API can
 * print and filter them; each is null when the finding does not involve such an object.
 *
 * @param site       the site name (several names, comma-separated, for findings about sites sharing something)
 * @param binding    an SSL binding key ({@code ipport=10.0.0.1:443}) or a site binding ({@code https/*:443:a.com})
 * @param thumbprint the certificate's thumbprint, 40 upper-case hex digits
 * @param hostname   a hostname or CCS key
 * @param message    one line: what is wrong
 * @param fix        one line: what to do about it
 */
public record Finding(Severity severity, FindingCode code, String site, String binding, String thumbprint,
                      String hostname, String message, String fix) implements Comparable<Finding> {

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(f -> f.code().name())
            .thenComparing(Finding::site, NULLS_FIRST)
            .thenComparing(Finding::binding, NULLS_FIRST)
            .thenComparing(Finding::hostname, NULLS_FIRST)
            .thenComparing(Finding::thumbprint, NULLS_FIRST)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        site = object(site);
        binding = object(binding);
        thumbprint = object(thumbprint);
        hostname = object(hostname);
        message = oneLine(message, "message");
        fix = oneLine(fix, "fix");
    }

    /** Order: severity (errors first), code name, site, binding, hostname, thumbprint (nulls first), message. */
    @Override
    public int compareTo(Finding o) {
        return ORDER.compare(this, o);
    }

    /** {@code ERROR NAME_MISMATCH site=shop binding=https/*:443:shop.com: message. Fix: fix} */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(severity).append(' ').append(code);
        append(sb, "site", site);
        append(sb, "binding", binding);
        append(sb, "cert", thumbprint);
        append(sb, "host", hostname);
        return sb.append(": ").append(message).append(" Fix: ").append(fix).toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append(' ').append(name).append('=').append(value);
        }
    }

    private static String object(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String oneLine(String s, String field) {
        Objects.requireNonNull(s, field);
        if (s.isBlank() || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("finding " + field + " must be one non-empty line: " + s);
        }
        return s.strip();
    }
}
