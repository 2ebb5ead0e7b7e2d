package io.ccsfront.cli;

/** A failure ccsctl reports as one line with its exit code: 1 operation failed, 2 usage error, 3 doctor found an ERROR. */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        if (exitCode < 1 || exitCode > 3) {
            throw new IllegalArgumentException("exit code must be 1-3: " + exitCode);
        }
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        this(exitCode, message);
        initCause(cause);
    }

    /** Exit code 2: the command line is wrong. */
    public static CliException usage(String message) {
        return new CliException(2, message);
    }

    /** Exit code 1: the operation failed. */
    public static CliException failed(String message) {
        return new CliException(1, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
