package io.ccsfront.config;

/**
 * A change the configuration refuses. Subtypes say why; the admin API maps them to HTTP
 * statuses (404, 409, 412) and the CLI to exit code 1, printing only the message.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    /** The object a change names does not exist. */
    public static final class NotFound extends ConfigException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message);
        }
    }

    /** The change collides with what exists: a duplicate, or an object still in use. */
    public static final class Conflict extends ConfigException {
        private static final long serialVersionUID = 1L;

        public Conflict(String message) {
            super(message);
        }
    }

    /** The change was computed from a version that is no longer current. */
    public static final class StaleVersion extends ConfigException {
        private static final long serialVersionUID = 1L;
        private final long expected;
        private final long actual;

        public StaleVersion(long expected, long actual) {
            super("configuration changed since version " + expected + " (now " + actual
                    + "): re-read and retry; nothing was changed");
            this.expected = expected;
            this.actual = actual;
        }

        public long expected() {
            return expected;
        }

        public long actual() {
            return actual;
        }
    }
}
