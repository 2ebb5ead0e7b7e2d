package io.ccsfront.selection;

/** HTTP.SYS's certificate selection levels, in priority order (SPEC.md §2). */
public enum Level {
    IP_PORT(1, "ipport", "exact IP:Port"),
    HOSTNAME_PORT(2, "hostnameport", "exact Hostname:Port (SNI)"),
    CCS(3, "ccs", "Central Certificate Store"),
    IPV6_WILDCARD(4, "ipv6-wildcard", "IPv6 wildcard [::]:Port"),
    IPV4_WILDCARD(5, "ipv4-wildcard", "IPv4 wildcard 0.0.0.0:Port");

    private final int number;
    private final String tag;
    private final String title;

    Level(int number, String tag, String title) {
        this.number = number;
        this.tag = tag;
        this.title = title;
    }

    /** 1–5. */
    public int number() {
        return number;
    }

    /** The metrics tag value: {@code ipport}, {@code hostnameport}, {@code ccs}, {@code ipv6-wildcard}, {@code ipv4-wildcard}. */
    public String tag() {
        return tag;
    }

    public String title() {
        return title;
    }
}
