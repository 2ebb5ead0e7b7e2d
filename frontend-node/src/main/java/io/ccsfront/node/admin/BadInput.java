package io.ccsfront.node.admin;

import java.util.function.Function;

/**
 * A request value that fails validation: 400 {@code invalid_argument} naming the field and the
 * offending value. {@link #parse} turns a domain parser's {@link IllegalArgumentException} (whose
 * message already names the value) into one.
 */
final class BadInput extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;

    BadInput(String field, String value, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    String field() {
        return field;
    }

    String value() {
        return value;
    }

    /** Applies {@code parser} to {@code value}; a failure names {@code field}. A null value is "required". */
    static <T> T parse(String field, String value, Function<String, T> parser) {
        if (value == null) {
            throw new BadInput(field, null, field + " is required");
        }
        try {
            return parser.apply(value);
        } catch (BadInput e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadInput(field, value, e.getMessage() == null ? field + " is invalid: " + value : e.getMessage());
        }
    }

    /** A whole number in {@code min..max}. */
    static long number(String field, String value, long min, long max) {
        return parse(field, value, v -> {
            long n;
            try {
                n = Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + " must be a whole number: " + v);
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException(field + " out of range " + min + "-" + max + ": " + v);
            }
            return n;
        });
    }
}
