package io.ccsfront.selection;

import java.util.Locale;
import java.util.Objects;

/** One line of an explanation: whether {@code level} matched, and why (not). */
public record LevelTrace(Level level, Result result, String detail) {

    public enum Result {
        /** This level yielded the certificate. */
        SELECTED,
        /** This level had a binding but its certificate cannot be used. */
        UNUSABLE,
        /** This level does not apply to the connection. */
        NO_MATCH,
        /** An earlier level already decided. */
        NOT_REACHED
    }

    public LevelTrace {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return level.number() + ". " + level.title() + ": " + result.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " - " + detail;
    }
}
