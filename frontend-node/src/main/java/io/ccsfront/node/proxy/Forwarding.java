package io.ccsfront.node.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which headers cross the proxy (RFC 9110 §7.6.1): hop-by-hop headers ({@code Connection},
 * {@code Keep-Alive}, {@code Proxy-*}, {@code TE}, {@code Trailer}, {@code Transfer-Encoding},
 * {@code Upgrade}) and the headers a {@code Connection} header names stay on their hop; a
 * WebSocket upgrade keeps {@code Upgrade} and {@code Connection: Upgrade}. The proxy adds
 * {@code X-Forwarded-For/-Proto/-Host/-Port}; what clients send of those (and {@code Forwarded})
 * is dropped unless {@code proxy.trustForwardedHeaders}.
 */
final class Forwarding {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    static final String X_FORWARDED_PORT = "X-Forwarded-Port";

    private Forwarding() {
    }

    /**
     * Copies {@code req}'s end-to-end headers into {@code out} (the worker request's headers)
     * and adds the {@code X-Forwarded-*} set. {@code Host} is not copied: the caller sets the
     * authority it routed on.
     */
    static void copyRequestHeaders(HttpServerRequest req, MultiMap out, boolean upgrade, boolean trust,
                                   String clientIp, String proto, String forwardedHost, int localPort) {
        MultiMap in = req.headers();
        List<String> listed = connectionListed(in.get(HttpHeaders.CONNECTION));
        for (Map.Entry<String, String> e : in) {
            String name = e.getKey();
            if (name.isEmpty() || name.charAt(0) == ':' || isHopByHop(name) || isIgnoredRequestHeader(name)
                    || (!trust && isForwardedHeader(name)) || (listed != null && containsIgnoreCase(listed, name))) {
                continue;
            }
            out.add(name, e.getValue());
        }
        if (upgrade) {
            out.set(HttpHeaders.CONNECTION, HttpHeaders.UPGRADE);
            out.set(HttpHeaders.UPGRADE, in.get(HttpHeaders.UPGRADE));
        }
        String prior = trust ? in.get(X_FORWARDED_FOR) : null;
        out.set(X_FORWARDED_FOR, prior == null || prior.isBlank() ? clientIp : prior + ", " + clientIp);
        if (!trust || !in.contains(X_FORWARDED_PROTO)) {
            out.set(X_FORWARDED_PROTO, proto);
        }
        if (!trust || !in.contains(X_FORWARDED_HOST)) {
            out.set(X_FORWARDED_HOST, forwardedHost);
        }
        if (!trust || !in.contains(X_FORWARDED_PORT)) {
            out.set(X_FORWARDED_PORT, Integer.toString(localPort));
        }
    }

    /** Copies a worker response's end-to-end headers (all of them for {@code 101 Switching Protocols}). */
    static void copyResponseHeaders(MultiMap in, MultiMap out, boolean switching) {
        if (switching) {
            out.addAll(in);
            return;
        }
        List<String> listed = connectionListed(in.get(HttpHeaders.CONNECTION));
        for (Map.Entry<String, String> e : in) {
            String name = e.getKey();
            if (isHopByHop(name) || (listed != null && containsIgnoreCase(listed, name))) {
                continue;
            }
            out.add(name, e.getValue());
        }
    }

    /**
     * Whether an HTTP/1.1 {@code Connection} header lists {@code close} among other tokens
     * ({@code close, X-Foo}); Vert.x 5.0 keeps such a connection open, the client expects it closed.
     */
    static boolean listsClose(String connection) {
        if (connection == null || connection.indexOf(',') < 0) {
            return false;
        }
        for (String token : connection.split(",")) {
            if (token.strip().equalsIgnoreCase("close")) {
                return true;
            }
        }
        return false;
    }

    /** Connection, Keep-Alive, Proxy-*, TE, Trailer, Transfer-Encoding, Upgrade (any case). */
    static boolean isHopByHop(String n) {
        switch (n.length()) {
            case 2:
                return n.equalsIgnoreCase("te");
            case 7:
                return n.equalsIgnoreCase("upgrade") || n.equalsIgnoreCase("trailer");
            case 10:
                return n.equalsIgnoreCase("connection") || n.equalsIgnoreCase("keep-alive");
            case 17:
                return n.equalsIgnoreCase("transfer-encoding");
            default:
                return n.length() > 6 && n.regionMatches(true, 0, "proxy-", 0, 6);
        }
    }

    /** Host (set from the routed authority) and Expect (the front end answers 100 Continue itself). */
    private static boolean isIgnoredRequestHeader(String n) {
        return (n.length() == 4 && n.equalsIgnoreCase("host")) || (n.length() == 6 && n.equalsIgnoreCase("expect"));
    }

    /** X-Forwarded-* and Forwarded: only a trusted load balancer in front may set them. */
    static boolean isForwardedHeader(String n) {
        return (n.length() > 12 && n.regionMatches(true, 0, "x-forwarded-", 0, 12))
                || (n.length() == 9 && n.equalsIgnoreCase("forwarded"));
    }

    /** Header names a Connection header lists beyond close/keep-alive/upgrade; null when none (the usual case). */
    private static List<String> connectionListed(String connection) {
        if (connection == null || connection.equalsIgnoreCase("keep-alive") || connection.equalsIgnoreCase("close")
                || connection.equalsIgnoreCase("upgrade")) {
            return null;
        }
        List<String> out = null;
        for (String token : connection.split(",")) {
            String t = token.strip();
            if (!t.isEmpty() && !t.equalsIgnoreCase("close") && !t.equalsIgnoreCase("keep-alive") && !t.equalsIgnoreCase("upgrade")) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(t);
            }
        }
        return out;
    }

    private static boolean containsIgnoreCase(List<String> names, String name) {
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
