package io.ccsfront.node.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /admin/v1/openapi.json}: the OpenAPI 3 description of this API, hand-written in
 * {@code openapi.yaml} next to this class and served as JSON. A test checks that every mounted
 * route appears in it.
 */
final class OpenApi {

    static final String RESOURCE = "openapi.yaml";

    private final String json;

    OpenApi() {
        this.json = document().toPrettyString();
    }

    void mount(AdminApi api) {
        api.raw(HttpMethod.GET, "/openapi.json", ctx -> ctx.response().putHeader("Content-Type", "application/json").end(json));
    }

    /** The parsed description. */
    static JsonNode document() {
        try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
