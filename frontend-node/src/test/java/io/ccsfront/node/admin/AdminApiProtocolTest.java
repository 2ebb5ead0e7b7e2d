package io.ccsfront.node.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.cert.PfxExporter;
import io.ccsfront.testing.TestPki;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every call shares: the token, the expected version, the upload limit, the error shape. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiProtocolTest {

    static final String ALICE = "alice-token-abcdefghijklmnop";

    @TempDir
    static Path tmp;
    AdminTestNode n;

    @BeforeAll
    void start() throws Exception {
        Path tokens = tmp.resolve("tokens");
        Files.writeString(tokens, "# operators\nalice:" + ALICE + "\n");
        n = AdminTestNode.start(tmp.resolve("node"), Map.of("admin.maxUploadBytes", "4096", "admin.tokensFile", tokens.toString(),
                "admin.minVersionWait", "1s"));
    }

    @AfterAll
    void stop() {
        n.close();
    }

    String siteJson(String name) {
        return new JsonObject().put("name", name).put("bindings", new io.vertx.core.json.JsonArray().add("https/*:" + n.httpsPort + ":" + name + ".example"))
                .put("sni", true).put("workers", new io.vertx.core.json.JsonArray().add("http://127.0.0.1:9")).encode();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer wrong-token-0000000000000", "Basic " + AdminTestNode.TOKEN})
    void missingOrWrongTokenIs401AndNothingChanges(String authorization) {
        long before = n.version();
        AdminTestNode.Response r = n.call("POST", "/admin/v1/sites", siteJson("nope"),
                Map.of("Authorization", authorization.isEmpty() ? "" : authorization));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().getString("error")).isEqualTo("unauthorized");
        assertThat(n.version()).isEqualTo(before);
    }

    @Test
    void staleIfMatchIs412AndNothingChanges() {
        long before = n.version();
        AdminTestNode.Response r = n.call("POST", "/admin/v1/sites", siteJson("stale"), Map.of("If-Match", "\"" + (before + 7) + "\""));
        assertThat(r.status()).isEqualTo(412);
        assertThat(r.json().getString("error")).isEqualTo("stale_version");
        assertThat(r.json().getLong("actual")).isEqualTo(before);
        assertThat(n.version()).isEqualTo(before);
        assertThat(n.get("/admin/v1/sites/stale").status()).isEqualTo(404);
    }

    @Test
    void currentExpectedVersionCommitsAndAnswersTheNextOne() {
        long before = n.version();
        JsonObject body = new JsonObject(siteJson("fresh")).put("expectedVersion", before);
        AdminTestNode.Response r = n.call("POST", "/admin/v1/sites", body.encode());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().getLong("version")).isEqualTo(before + 1);
    }

    @Test
    void minVersionHeaderWaitsForTheVersionThenServesTheRequestWithItsBody() throws Exception {
        long now = n.version();
        assertThat(n.call("GET", "/admin/v1/config/hash", null, Map.of("Ccsfront-Min-Version", Long.toString(now))).status())
                .isEqualTo(200);
        // a write that must wait for version now+1, which another client commits 300 ms later
        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> n.call("POST", "/admin/v1/sites", siteJson("after-wait"),
                Map.of("Ccsfront-Min-Version", Long.toString(now + 1))));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        assertThat(n.call("POST", "/admin/v1/sites", siteJson("first")).status()).isEqualTo(201);
        AdminTestNode.Response r = waiting.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().getLong("version")).isEqualTo(now + 2);
        assertThat(n.get("/admin/v1/sites/after-wait").status()).isEqualTo(200);
    }

    @Test
    void minVersionNotReachedIs503WithRetryAfterAndNothingChanges() {
        long now = n.version();
        AdminTestNode.Response r = n.call("POST", "/admin/v1/sites", siteJson("never"), Map.of("Ccsfront-Min-Version", Long.toString(now + 50)));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().getString("error")).isEqualTo("version_not_reached");
        assertThat(r.json().getLong("version")).isEqualTo(now);
        assertThat(n.version()).isEqualTo(now);
        AdminTestNode.Response bad = n.call("GET", "/admin/v1/config/hash", null, Map.of("Ccsfront-Min-Version", "soon"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getString("field")).isEqualTo("Ccsfront-Min-Version");
    }

    @Test
    void bodyLargerThanMaxUploadBytesIs413() {
        TestPki.Issued c = TestPki.get().leaf(TestPki.LeafSpec.names("big.example").key("RSA3072"));
        byte[] pfx = PfxExporter.export(c.chain(), c.key(), "pw".toCharArray());
        byte[] big = new byte[8192];
        System.arraycopy(pfx, 0, big, 0, Math.min(pfx.length, big.length));
        long before = n.version();
        AdminTestNode.Response multipart = n.send(new Multipart().field("password", "pw").file("file", "big.pfx", big)
                .request("POST", n.base() + "/admin/v1/certificates", AdminTestNode.TOKEN));
        assertThat(multipart.status()).isEqualTo(413);
        assertThat(multipart.json().getString("error")).isEqualTo("payload_too_large");
        AdminTestNode.Response json = n.call("POST", "/admin/v1/certificates",
                new JsonObject().put("file", Base64.getEncoder().encodeToString(big)).encode());
        assertThat(json.status()).isEqualTo(413);
        assertThat(n.version()).isEqualTo(before);
    }

    @Test
    void malformedJsonIs400InvalidJson() {
        AdminTestNode.Response r = n.call("POST", "/admin/v1/sites", "{not json");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getString("error")).isEqualTo("invalid_json");
    }

    @Test
    void namedTokenIsTheActorInTheAuditLog() {
        AdminTestNode.Response r = n.call("POST", "/admin/v1/sites", siteJson("alices"), Map.of("Authorization", "Bearer " + ALICE));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long v = r.json().getLong("version");
        JsonObject last = n.get("/admin/v1/audit?limit=1").json().getJsonArray("entries").getJsonObject(0);
        assertThat(last.getLong("version")).isEqualTo(v);
        assertThat(last.getString("actor")).isEqualTo("alice");
        assertThat(last.getString("node")).isEqualTo("test");
    }

    @Test
    void unknownResourceIsJson404() {
        AdminTestNode.Response r = n.get("/admin/v1/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().getString("error")).isEqualTo("not_found");
    }

    @Test
    void nodeDocumentListsNameVersionsCacheAndListeners() {
        JsonObject node = n.get("/admin/v1/node").json();
        assertThat(node.getString("name")).isEqualTo("test");
        assertThat(node.getLong("configVersion")).isEqualTo(n.version());
        assertThat(node.getJsonObject("cache").containsKey("hitRate")).isTrue();
        assertThat(AdminTestNode.strings(node.getJsonObject("listeners").getJsonArray("httpsEndpoints"))).containsExactly("127.0.0.1:" + n.httpsPort);
        JsonObject cluster = n.get("/admin/v1/cluster").json();
        assertThat(cluster.getJsonArray("members").getJsonObject(0).getJsonObject("node").getString("name")).isEqualTo("test");
    }

    @Test
    void healthAndMetricsStayOpenWithoutToken() {
        AdminTestNode.Response r = n.send(HttpRequest.newBuilder(URI.create(n.base() + "/health/live")).build());
        assertThat(r.status()).isEqualTo(200);
    }
}
