package io.ccsfront.store;

/** Stored or replicated data that cannot be read back. The message names what and where. */
public final class CorruptDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CorruptDataException(String message) {
        super(message);
    }
}
