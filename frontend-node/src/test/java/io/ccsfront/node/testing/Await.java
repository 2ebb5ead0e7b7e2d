package io.ccsfront.node.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a bound; tests never sleep to wait for time. */
public final class Await {

    private Await() {
    }

    public static void until(String what, Duration max, BooleanSupplier condition) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError("timed out after " + max + " waiting for " + what);
        }
    }
}
