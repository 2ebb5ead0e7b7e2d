package io.ccsfront.node.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.node.proxy.ProxyFixture.Answer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures of web workers as clients see them: 502, 503, 504, retries, ejection and return. */
class WorkerHealthTest {

    private ProxyFixture fx;
    private int port;

    @BeforeEach
    void start() {
        fx = new ProxyFixture(ProxyFixture.settings(Map.of("proxy.responseTimeout", "300ms")));
        port = fx.listenHttp();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private void site(URI... workers) {
        fx.sites(ProxyFixture.site("shop", 1, List.of("http/*:" + port + ":shop.example"), workers));
    }

    private Answer get(String path) {
        return fx.get("127.0.0.1", port, "shop.example", path);
    }

    @Test
    void siteWithoutWorkersIs503WithRetryAfter() {
        site();
        Answer a = get("/");
        assertThat(a.status()).isEqualTo(503);
        assertThat(a.headers().get("Retry-After")).isEqualTo("1");
        assertThat(a.body()).contains("no healthy web worker for site shop");
    }

    @Test
    void getIsRetriedOnTheSecondWorkerWhenTheFirstRefusesConnections() {
        Backend live = Backend.echo(fx.vertx);
        URI refused = Backend.closedWorker();
        site(refused, live.url());
        Answer a = get("/retry");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("/retry");
        assertThat(fx.counter(ProxyMetrics.CONNECT_ERRORS, "site", "other")).isEqualTo(1.0);
    }

    @Test
    void postIsNotRetriedAfterAConnectFailure() {
        Backend live = Backend.echo(fx.vertx);
        site(Backend.closedWorker(), live.url());
        Answer a = fx.request(HttpMethod.POST, "127.0.0.1", port, "shop.example", "/order", null, Buffer.buffer("{}"));
        assertThat(a.status()).isEqualTo(502);
        assertThat(live.seen).isEmpty();
    }

    @Test
    void connectFailureToBothWorkersIs502NamingTheSiteNotTheWorker() {
        URI first = Backend.closedWorker();
        URI second = Backend.closedWorker();
        site(first, second);
        Answer a = get("/");
        assertThat(a.status()).isEqualTo(502);
        assertThat(a.body()).contains("site shop").doesNotContain("127.0.0.1").doesNotContain(String.valueOf(first.getPort()));
        assertThat(fx.counter(ProxyMetrics.CONNECT_ERRORS, "site", "other")).isEqualTo(2.0);
        assertThat(fx.counter(ProxyMetrics.REQUESTS, "outcome", "connect_error", "status", "5xx")).isEqualTo(1.0);
        Answer next = get("/");
        assertThat(next.status()).as("both workers are ejected now").isEqualTo(503);
        assertThat(next.headers().get("Retry-After")).isNotNull();
    }

    @Test
    void workerThatNeverAnswersIs504() {
        Backend silent = Backend.silent(fx.vertx);
        site(silent.url());
        Answer a = get("/slow");
        assertThat(a.status()).isEqualTo(504);
        assertThat(a.body()).contains("site shop").contains("300 ms");
        assertThat(fx.counter(ProxyMetrics.REQUESTS, "outcome", "timeout")).isEqualTo(1.0);
        assertThat(get("/slow").status()).as("a slow worker is not ejected").isEqualTo(504);
    }

    @Test
    void workerThatDropsTheConnectionBeforeAnsweringIs502() {
        var dropper = ProxyFixture.await(fx.vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(req -> req.body().onSuccess(b -> req.connection().close())).listen());
        site(URI.create("http://127.0.0.1:" + dropper.actualPort()));
        Answer a = fx.request(HttpMethod.POST, "127.0.0.1", port, "shop.example", "/drop", null, Buffer.buffer("x".repeat(50_000)));
        assertThat(a.status()).isEqualTo(502);
        assertThat(a.body()).contains("site shop").contains("failed before answering");
        assertThat(fx.counter(ProxyMetrics.REQUESTS, "outcome", "worker_error")).isEqualTo(1.0);
    }

    @Test
    void refusingWorkerIsEjectedAndReturnsWhenItsHealthCheckPasses() {
        Backend live = Backend.echo(fx.vertx);
        int downPort = Backend.closedPort();
        URI down = URI.create("http://127.0.0.1:" + downPort);
        site(down, live.url());
        assertThat(get("/1").status()).as("retried on the live worker").isEqualTo(200);
        assertThat(fx.proxy.workers.worker(down).healthy()).isFalse();
        for (int i = 0; i < 6; i++) {
            assertThat(get("/while-ejected").status()).isEqualTo(200);
        }
        assertThat(fx.counter(ProxyMetrics.CONNECT_ERRORS)).as("no request tries the ejected worker").isEqualTo(1.0);

        Backend back = Backend.echo(fx.vertx, downPort);
        ProxyFixture.until("the health check to bring the worker back", Duration.ofSeconds(10),
                () -> fx.proxy.workers.worker(down).healthy());
        assertThat(back.healthChecks.get()).isPositive();
        for (int i = 0; i < 4; i++) {
            assertThat(get("/after").status()).isEqualTo(200);
        }
        assertThat(back.requestsTo("/after")).as("round robin includes the returned worker").isEqualTo(2);
    }

    @Test
    void failingHealthCheckEjectsAWorkerThatStillAcceptsConnections() {
        Backend sick = Backend.echo(fx.vertx);
        Backend live = Backend.echo(fx.vertx);
        site(sick.url(), live.url());
        assertThat(get("/warm").status()).isEqualTo(200);
        sick.close(); // its port now refuses: the next health check fails
        ProxyFixture.until("the failing check to eject the worker", Duration.ofSeconds(10),
                () -> !fx.proxy.workers.worker(sick.url()).healthy());
        assertThat(fx.registry.find(ProxyMetrics.WORKERS).tag("state", "unhealthy").gauge().value()).isEqualTo(1.0);
        assertThat(fx.registry.find(ProxyMetrics.WORKERS).tag("state", "healthy").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void workerRemovedFromTheConfigurationIsRetired() {
        Backend one = Backend.echo(fx.vertx);
        Backend two = Backend.echo(fx.vertx);
        site(one.url(), two.url());
        assertThat(get("/a").status()).isEqualTo(200);
        assertThat(get("/b").status()).isEqualTo(200);
        assertThat(fx.proxy.workers.worker(two.url())).isNotNull();
        site(one.url());
        ProxyFixture.until("the removed worker to be retired", Duration.ofSeconds(10),
                () -> fx.proxy.workers.worker(two.url()) == null);
        int before = two.seen.size();
        for (int i = 0; i < 4; i++) {
            assertThat(get("/only-one").status()).isEqualTo(200);
        }
        assertThat(two.seen).hasSize(before);
        assertThat(one.requestsTo("/only-one")).isEqualTo(4);
    }
}
