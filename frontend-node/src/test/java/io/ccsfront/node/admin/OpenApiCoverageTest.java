package io.ccsfront.node.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every route mounted under /admin/v1 appears in the served OpenAPI document, and nothing else does. */
class OpenApiCoverageTest {

    @TempDir
    Path tmp;

    @Test
    void everyMountedRouteIsDescribed() {
        try (AdminTestNode n = AdminTestNode.start(tmp.resolve("node"), Map.of())) {
            Set<String> mounted = new TreeSet<>();
            for (Route r : n.node.admin().router().getRoutes()) {
                String path = r.getPath();
                if (path == null || !path.startsWith(AdminApi.BASE) || r.methods() == null || r.methods().isEmpty()) {
                    continue;
                }
                for (HttpMethod m : r.methods()) {
                    mounted.add(m.name().toLowerCase(Locale.ROOT) + " " + path.replaceAll(":([A-Za-z]+)", "{$1}"));
                }
            }
            JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(n.get("/admin/v1/openapi.json").body());
            Set<String> described = new TreeSet<>();
            doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
                if (!m.equals("parameters")) {
                    described.add(m + " " + p.getKey());
                }
            }));
            assertThat(mounted).hasSizeGreaterThan(30);
            assertThat(described).isEqualTo(mounted);
            assertThat(doc.get("openapi").asText()).startsWith("3.");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
