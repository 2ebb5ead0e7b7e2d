package io.ccsfront.binding;

import io.ccsfront.name.HostNames;
import java.util.Locale;
import java.util.Objects;

/**
 * The identity of an SSL binding, as netsh names it: {@code ipport=IP:PORT},
 * {@code hostnameport=HOST:PORT} or {@code ccs=PORT}. Two bindings with equal keys cannot
 * coexist. {@link #toString()} prints the netsh form.
 */
public record BindingKey(Kind kind, String value) implements Comparable<BindingKey> {

    public enum Kind {
        IPPORT("ipport"), HOSTNAMEPORT("hostnameport"), CCS("ccs");

        private final String netsh;

        Kind(String netsh) {
            this.netsh = netsh;
        }

        public String netsh() {
            return netsh;
        }
    }

    public BindingKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static BindingKey ipPort(IpPort ipPort) {
        return new BindingKey(Kind.IPPORT, ipPort.toString());
    }

    public static BindingKey hostnamePort(String hostname, int port) {
        return new BindingKey(Kind.HOSTNAMEPORT, hostname + ":" + port);
    }

    public static BindingKey ccs(int port) {
        return new BindingKey(Kind.CCS, Integer.toString(port));
    }

    /** Parses {@code ipport=…}, {@code hostnameport=…} or {@code ccs=…}; the value is validated and canonicalised. */
    public static BindingKey parse(String text) {
        String s = Objects.requireNonNull(text, "binding").strip();
        int eq = s.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("binding must be ipport=IP:PORT, hostnameport=HOST:PORT or ccs=PORT: " + text);
        }
        String k = s.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String v = s.substring(eq + 1).strip();
        return switch (k) {
            case "ipport" -> ipPort(IpPort.parse(v));
            case "hostnameport" -> parseHostnamePort(v);
            case "ccs" -> ccs(Ports.parse(v, "ccs"));
            default -> throw new IllegalArgumentException(
                    "binding must be ipport=IP:PORT, hostnameport=HOST:PORT or ccs=PORT: " + text);
        };
    }

    static BindingKey parseHostnamePort(String v) {
        int colon = v.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("hostnameport must be HOST:PORT: " + v);
        }
        String host = v.substring(0, colon);
        if (host.indexOf('*') >= 0) {
            throw new IllegalArgumentException("hostnameport takes an exact hostname, not a wildcard: " + host);
        }
        return hostnamePort(HostNames.require(host, "hostnameport"), Ports.parse(v.substring(colon + 1), "hostnameport"));
    }

    @Override
    public int compareTo(BindingKey o) {
        int c = kind.compareTo(o.kind);
        return c != 0 ? c : value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return kind.netsh + "=" + value;
    }
}
