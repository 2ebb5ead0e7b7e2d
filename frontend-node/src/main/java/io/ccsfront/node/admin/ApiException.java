package io.ccsfront.node.admin;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * An admin API failure with its HTTP status, a stable error code and a one-line message; {@code extra}
 * adds structured detail (the bindings that hold a certificate, the sites that depend on a binding).
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient JsonObject extra;

    ApiException(int status, String code, String message, JsonObject extra) {
        super(Objects.requireNonNull(message, "message"));
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("error status must be 4xx or 5xx: " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.extra = extra == null ? new JsonObject() : extra;
    }

    ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    JsonObject extra() {
        return extra.copy();
    }
}
