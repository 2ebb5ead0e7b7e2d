package io.ccsfront.node.proxy;

import java.util.Locale;
import java.util.Objects;

/**
 * A web worker's health as the proxy sees it: {@code HEALTHY} (in rotation), {@code EJECTED}
 * (after {@code proxy.ejectAfterFailures} connect failures or a failed health check, until a check
 * passes), or {@code NOT_USED} (no request has been routed to it on this node yet, so neither
 * checked nor counted), with its current streak of connect failures.
 */
public record WorkerStatus(State state, int consecutiveFailures) {

    public enum State {
        HEALTHY, EJECTED, NOT_USED;

        /** "healthy", "ejected", "not used". */
        public String text() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public WorkerStatus {
        Objects.requireNonNull(state, "state");
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must be >= 0: " + consecutiveFailures);
        }
    }
}
