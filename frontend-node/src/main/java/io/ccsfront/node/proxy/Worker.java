package io.ccsfront.node.proxy;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One web worker (a base URL such as {@code http://10.0.0.7:8080/app}) and its health. Its
 * connections live in the proxy's client, pooled per worker address. A worker starts healthy;
 * {@code proxy.ejectAfterFailures} consecutive connect failures eject it, and only a passing
 * active health check brings it back.
 */
final class Worker {

    final URI uri;
    final String host;
    final int port;
    final boolean ssl;
    /** The base path without a trailing slash ("" for none); request targets are appended to it. */
    final String basePath;

    private volatile boolean healthy = true;
    private volatile boolean retired;
    private volatile boolean checking;
    private final AtomicInteger failures = new AtomicInteger();

    Worker(URI uri) {
        this.uri = uri;
        this.ssl = "https".equalsIgnoreCase(uri.getScheme());
        String h = uri.getHost();
        this.host = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        this.port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        String p = uri.getRawPath() == null ? "" : uri.getRawPath();
        this.basePath = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** The request target on this worker for an origin-form target ({@code /a?b}) or {@code *}. */
    String target(String originForm) {
        if (basePath.isEmpty()) {
            return originForm;
        }
        return originForm.equals("*") ? basePath : basePath + originForm;
    }

    boolean healthy() {
        return healthy && !retired;
    }

    /** Counts a connect failure; true when this one ejected the worker. */
    boolean connectFailed(int ejectAfter) {
        int n = failures.incrementAndGet();
        if (ejectAfter > 0 && n >= ejectAfter && healthy) {
            healthy = false;
            return true;
        }
        return false;
    }

    /** A connection was obtained: the failure streak ends (no write when there was none). */
    void connected() {
        if (failures.get() != 0) {
            failures.set(0);
        }
    }

    /** A health check answered; true when the state changed. */
    boolean checked(boolean passed) {
        checking = false;
        if (passed) {
            failures.set(0);
        }
        boolean changed = healthy != passed;
        healthy = passed;
        return changed;
    }

    /** Claims the next health check; false when one is still running. */
    boolean startCheck() {
        if (checking || retired) {
            return false;
        }
        checking = true;
        return true;
    }

    int failures() {
        return failures.get();
    }

    boolean retired() {
        return retired;
    }

    void retire() {
        retired = true;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
