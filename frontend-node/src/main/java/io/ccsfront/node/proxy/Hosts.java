package io.ccsfront.node.proxy;

import io.ccsfront.binding.IpAddresses;
import io.vertx.core.net.HostAndPort;

/**
 * The request's host: from the {@code Host} header (HTTP/1.x), {@code :authority} (HTTP/2) or
 * an absolute-form request target (RFC 9112 §3.2.2: it wins over {@code Host}). IP literals
 * route as the empty host (SPEC.md §3: they reach the bindings without a host header) and are
 * matched against the certificate's IP SANs.
 */
final class Hosts {

    private static final int MAX_ECHO = 80;

    private Hosts() {
    }

    /** Whether {@code host} is an IP literal ({@code [v6]} or digits and dots), valid or not. */
    static boolean isIpLiteral(String host) {
        if (host.isEmpty()) {
            return false;
        }
        if (host.charAt(0) == '[') {
            return true;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** Whether an IP literal host parses as an address. */
    static boolean isValidIp(String host) {
        try {
            IpAddresses.parse(host, "host");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the request target is absolute-form ({@code http://host/path}). */
    static boolean isAbsoluteForm(String uri) {
        return uri.regionMatches(true, 0, "http://", 0, 7) || uri.regionMatches(true, 0, "https://", 0, 8);
    }

    /** The authority of an absolute-form target, or null when it has none or is invalid. */
    static HostAndPort absoluteAuthority(String uri) {
        int start = uri.indexOf("://") + 3;
        int end = authorityEnd(uri, start);
        if (end == start) {
            return null;
        }
        return HostAndPort.parseAuthority(uri.substring(start, end), -1);
    }

    /** The origin-form part ({@code /path?query}) of an absolute-form target. */
    static String absolutePath(String uri) {
        int start = uri.indexOf("://") + 3;
        int end = authorityEnd(uri, start);
        if (end == uri.length()) {
            return "/";
        }
        return uri.charAt(end) == '/' ? uri.substring(end) : "/" + uri.substring(end);
    }

    private static int authorityEnd(String uri, int from) {
        int i = from;
        while (i < uri.length() && uri.charAt(i) != '/' && uri.charAt(i) != '?' && uri.charAt(i) != '#') {
            i++;
        }
        return i;
    }

    /** A client-supplied value as error bodies may echo it: printable ASCII, at most 80 characters. */
    static String echo(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder(Math.min(value.length(), MAX_ECHO) + 3);
        for (int i = 0; i < value.length() && sb.length() < MAX_ECHO; i++) {
            char c = value.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (value.length() > MAX_ECHO) {
            sb.append("...");
        }
        return sb.toString();
    }
}
