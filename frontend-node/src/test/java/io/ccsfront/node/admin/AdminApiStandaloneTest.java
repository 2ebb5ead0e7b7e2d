package io.ccsfront.node.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.cert.KeyProtector;
import io.ccsfront.cert.PfxExporter;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.node.cluster.StandaloneCluster;
import io.ccsfront.node.config.Listener;
import io.ccsfront.node.state.AppliedChanges;
import io.ccsfront.node.state.LocalConfigService;
import io.ccsfront.selection.CertificateHealth;
import io.ccsfront.testing.TestPki;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API started from the services it uses, with no front-end node: a Vert.x, an admin
 * listener, a local configuration service, a key protector, a fixed clock, a fake cache view and
 * a cluster of one, and the applied-change feed its audit log reads. What it answers comes from
 * exactly these parts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiStandaloneTest {

    static final String TOKEN = "standalone-admin-token-0123456789";
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    static Path tmp;
    Vertx vertx;
    AdminServer server;
    LocalConfigService config;
    FakeCacheView cache = new FakeCacheView();
    final KeyProtector protector = KeyProtector.of(KeyProtector.newMasterKey());
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int port;

    /** A cache view whose figures and unusable keys the test sets. */
    static final class FakeCacheView implements CacheView {
        final Map<Thumbprint, String> unusable = new ConcurrentHashMap<>();
        volatile Figures figures = new Figures(0, 0, 0, 0.0, 0, 0, 0, 0, 0);

        @Override
        public CertificateHealth health() {
            return unusable::get;
        }

        @Override
        public Figures figures() {
            return figures;
        }
    }

    @BeforeAll
    void start() {
        vertx = Vertx.vertx();
        server = new AdminServer(vertx, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), TOKEN, () -> true);
        port = server.start("127.0.0.1", 0, "", "");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        config = LocalConfigService.open(tmp.resolve("config"), 1000, clock);
        AdminServices.Listeners listeners = new AdminServices.Listeners(List.of(new Listener("0.0.0.0", 18443)),
                List.of(new Listener("0.0.0.0", 18080)), List.of("127.0.0.1:18443"));
        AdminSettings settings = new AdminSettings("alone", tmp, false, 1 << 20, "", Duration.ofSeconds(1), Duration.ofSeconds(1), "127.0.0.1", port, "test");
        AdminApi.install(new AdminServices(vertx, server, config, protector, clock, cache,
                new StandaloneCluster("alone", "http://127.0.0.1:" + port, listeners::httpsEndpoints, () -> config.current().version()),
                listeners, settings, AppliedChanges.of(config), uri -> null));
    }

    @AfterAll
    void stop() {
        server.stop();
        vertx.close().await();
        config.close();
    }

    @Test
    void nodeDocumentComesFromTheServicesGiven() {
        cache.figures = new CacheView.Figures(7, 30, 10, 0.75, 2, 10, 45, 3, 1);
        JsonObject node = call("GET", "/admin/v1/node", null).json();
        assertThat(node.getString("name")).isEqualTo("alone");
        assertThat(node.getString("startedAt")).isEqualTo(NOW.toString());
        JsonObject figures = node.getJsonObject("cache");
        assertThat(figures.getLong("size")).isEqualTo(7);
        assertThat(figures.getDouble("hitRate")).isEqualTo(0.75);
        assertThat(figures.getLong("averageBuildMicros")).isEqualTo(45);
        assertThat(figures.getLong("unusableKeys")).isEqualTo(1);
        assertThat(node.getJsonObject("listeners").encode()).contains("0.0.0.0:18443", "0.0.0.0:18080", "127.0.0.1:18443");
        assertThat(call("GET", "/admin/v1/cluster", null).json().getString("self")).isEqualTo("alone");
    }

    @Test
    void importedCcsCertificateIsCommittedSealedAndExplained() {
        TestPki.Issued c = TestPki.get().leaf("standalone.example");
        String pfx = Base64.getEncoder().encodeToString(PfxExporter.export(c.chain(), c.key(), "pw".toCharArray()));
        Response put = call("PUT", "/admin/v1/ccs/standalone.example", new JsonObject().put("file", pfx).put("password", "pw").encode());
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().getLong("version")).isEqualTo(config.current().version());
        Thumbprint t = Thumbprint.parse(put.json().getString("thumbprint"));
        assertThat(protector.canOpen(config.current().ccs("standalone.example").sealedKey())).isTrue();
        assertThat(call("POST", "/admin/v1/sslcerts", new JsonObject().put("command", "ccs=18443").encode()).status()).isEqualTo(201);

        JsonObject served = call("GET", "/admin/v1/explain?ip=127.0.0.1&port=18443&sni=standalone.example", null).json();
        assertThat(served.getString("thumbprint")).isEqualTo(t.hex());

        cache.unusable.put(t, "key failed to load: test");
        JsonObject unusable = call("GET", "/admin/v1/explain?ip=127.0.0.1&port=18443&sni=standalone.example", null).json();
        assertThat(unusable.getString("outcome")).isEqualTo("unusable certificate");
        cache.unusable.clear();

        String audit = call("GET", "/admin/v1/audit", null).body();
        assertThat(audit).contains("putCcs", t.hex());
    }

    @Test
    void withoutTheTokenNothingIsServed() {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/v1/node")).build();
        assertThat(send(req).status()).isEqualTo(401);
    }

    record Response(int status, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    Response call(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b.build());
    }

    Response send(HttpRequest req) {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
