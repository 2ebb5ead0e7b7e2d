package io.ccsfront.binding;

import java.net.InetAddress;
import java.util.Objects;

/**
 * The socket part of an {@code ipport=} binding: a specific IPv4 or IPv6 address, or one of
 * the wildcards {@code 0.0.0.0} and {@code [::]}, and a port.
 */
public record IpPort(InetAddress address, int port) {

    public IpPort {
        Objects.requireNonNull(address, "address");
        address = IpAddresses.unmap(address);
        Ports.check(port, "ipport");
    }

    /** Parses {@code 10.0.0.1:443}, {@code [2001:db8::1]:443}, {@code 0.0.0.0:443} or {@code [::]:443}. */
    public static IpPort parse(String text) {
        String s = Objects.requireNonNull(text, "ipport").strip();
        int colon;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("ipport must be IP:PORT or [IPv6]:PORT: " + text);
            }
            colon = close + 1;
        } else {
            colon = s.lastIndexOf(':');
            if (colon < 0 || s.indexOf(':') != colon) {
                throw new IllegalArgumentException("ipport must be IP:PORT or [IPv6]:PORT: " + text);
            }
        }
        InetAddress address = IpAddresses.parse(s.substring(0, colon), "ipport");
        return new IpPort(address, Ports.parse(s.substring(colon + 1), "ipport"));
    }

    public boolean isIpv4Wildcard() {
        return address.equals(IpAddresses.IPV4_ANY);
    }

    public boolean isIpv6Wildcard() {
        return address.equals(IpAddresses.IPV6_ANY);
    }

    public boolean isWildcard() {
        return isIpv4Wildcard() || isIpv6Wildcard();
    }

    @Override
    public String toString() {
        return IpAddresses.format(address) + ":" + port;
    }
}
