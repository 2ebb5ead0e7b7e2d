package io.ccsfront.binding;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * IP literal parsing without DNS: a dotted quad, or an IPv6 literal with or without brackets.
 * An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) becomes the IPv4 address (SPEC.md §2).
 */
public final class IpAddresses {

    public static final InetAddress IPV4_ANY = bytes(new byte[4]);
    public static final InetAddress IPV6_ANY = bytes(new byte[16]);

    private IpAddresses() {
    }

    /** Parses an IP literal; throws {@link IllegalArgumentException} naming {@code field} and the value. */
    public static InetAddress parse(String text, String field) {
        String s = text == null ? "" : text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.indexOf('%') >= 0) {
            throw new IllegalArgumentException(field + ": scoped IPv6 addresses are not supported: " + text);
        }
        if (s.indexOf(':') >= 0) {
            try {
                return unmap(InetAddress.getByName("[" + s + "]"));
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw new IllegalArgumentException(field + " is not a valid IP address: " + text);
            }
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException(field + " is not a valid IP address: " + text);
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException(field + " is not a valid IP address: " + text);
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                throw new IllegalArgumentException(field + " is not a valid IP address: " + text);
            }
            b[i] = (byte) v;
        }
        return bytes(b);
    }

    /** The IPv4 address an IPv4-mapped IPv6 address stands for; any other address unchanged. */
    public static InetAddress unmap(InetAddress a) {
        if (a instanceof Inet6Address) {
            byte[] b = a.getAddress();
            boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = b[i] == 0;
            }
            if (mapped) {
                return bytes(new byte[] {b[12], b[13], b[14], b[15]});
            }
        }
        return a;
    }

    public static boolean isIpv6(InetAddress a) {
        return a instanceof Inet6Address;
    }

    /** {@code 10.0.0.1} or {@code [2001:db8::1]}: the netsh form of an address. */
    public static String format(InetAddress a) {
        if (a instanceof Inet4Address) {
            return a.getHostAddress();
        }
        return "[" + compress(a.getHostAddress()) + "]";
    }

    /** The RFC 5952 compressed form of an IPv6 address text ({@code 0:0:0:0:0:0:0:1} → {@code ::1}). */
    static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return head + "::" + tail;
    }

    private static InetAddress bytes(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
