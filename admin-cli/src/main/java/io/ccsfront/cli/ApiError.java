package io.ccsfront.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * An error answer of the admin API: {@code {"error": code, "message": …, "field": …, "value": …}}.
 * Validation errors ({@code invalid_argument}, {@code invalid_json}, {@code bad_request}) are usage
 * errors (exit code 2); everything else means the operation failed (exit code 1).
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Set<String> USAGE = Set.of("invalid_argument", "invalid_json", "bad_request");

    private final int status;
    private final String code;
    private final transient JsonNode body;

    public ApiError(int status, String code, String message, JsonNode body) {
        super(message);
        this.status = status;
        this.code = code;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The stable error code ({@code not_found}, {@code stale_version}, …). */
    public String code() {
        return code;
    }

    /** The whole error document (extra fields such as {@code bindings} or {@code dependents}). */
    public JsonNode body() {
        return body;
    }

    public String field() {
        return body == null || !body.hasNonNull("field") ? null : body.get("field").asText();
    }

    public int exitCode() {
        return status == 400 && USAGE.contains(code) ? 2 : 1;
    }
}
