package io.ccsfront.node.admin.console;

import io.vertx.core.MultiMap;

/**
 * The response headers of the console and of the admin API. The console's Content-Security-Policy
 * allows scripts, styles and connections from the node itself only ({@code 'self'}: no CDN, no
 * inline script or style, no {@code eval}), requires Trusted Types (the page never parses HTML
 * from strings), forbids framing, plugins, {@code <base>} and native form submission.
 */
final class SecurityHeaders {

    static final String CONSOLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'; "
            + "require-trusted-types-for 'script'; trusted-types 'none'";

    /** For JSON answers: nothing in them is a document. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    /** Headers of every {@code /console/} response; {@code tls}: the admin listener is HTTPS. */
    static void console(MultiMap h, boolean tls) {
        h.set("Content-Security-Policy", CONSOLE_CSP);
        common(h, tls);
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), usb=(), payment=(), interest-cohort=()");
    }

    /** Headers of every {@code /admin/} response: never cached (exports carry keys), never sniffed or framed. */
    static void api(MultiMap h, boolean tls) {
        h.set("Content-Security-Policy", API_CSP);
        common(h, tls);
        h.set("Cache-Control", "no-store");
    }

    private static void common(MultiMap h, boolean tls) {
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
        if (tls) {
            h.set("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
