package io.ccsfront.node.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.node.proxy.Backend.Seen;
import io.ccsfront.node.proxy.ProxyFixture.Answer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What reaches the web worker: headers, X-Forwarded-*, bodies, and which worker. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyForwardingTest {

    private ProxyFixture fx;
    private ProxyFixture trusting;
    private Backend backend;
    private int port;
    private int trustingPort;

    @BeforeAll
    void start() {
        fx = new ProxyFixture(ProxyFixture.settings(Map.of()));
        trusting = new ProxyFixture(ProxyFixture.settings(Map.of("proxy.trustForwardedHeaders", "true")));
        backend = Backend.echo(fx.vertx);
        port = fx.listenHttp();
        trustingPort = trusting.listenHttp();
        fx.sites(ProxyFixture.site("a", 1, List.of("http/*:" + port + ":www.a.com"), backend.url("/a")),
                ProxyFixture.site("rr", 2, List.of("http/*:" + port + ":rr.a.com"), backend.url("/w1"), backend.url("/w2")));
        trusting.sites(ProxyFixture.site("t", 1, List.of("http/*:" + trustingPort + ":www.t.com"), backend.url("/t")));
    }

    @AfterAll
    void stop() {
        trusting.close();
        fx.close();
    }

    private Seen last(String prefix) {
        List<Seen> seen = new ArrayList<>(backend.seen);
        for (int i = seen.size() - 1; i >= 0; i--) {
            if (seen.get(i).uri().startsWith(prefix)) {
                return seen.get(i);
            }
        }
        throw new AssertionError("the worker saw no request under " + prefix);
    }

    @Test
    void workerGetsXForwardedHeadersAndClientSentOnesAreDropped() {
        MultiMap h = MultiMap.caseInsensitiveMultiMap().add("X-Forwarded-For", "6.6.6.6").add("X-Forwarded-Proto", "https")
                .add("X-Forwarded-Host", "evil.com").add("X-Forwarded-Port", "1").add("Forwarded", "for=6.6.6.6")
                .add("X-Custom", "kept");
        Answer a = fx.request(HttpMethod.GET, "127.0.0.1", port, "www.a.com:" + port, "/xf", h, null);
        assertThat(a.status()).isEqualTo(200);
        MultiMap seen = last("/a/xf").headers();
        assertThat(seen.getAll("X-Forwarded-For")).containsExactly("127.0.0.1");
        assertThat(seen.getAll("X-Forwarded-Proto")).containsExactly("http");
        assertThat(seen.getAll("X-Forwarded-Host")).containsExactly("www.a.com:" + port);
        assertThat(seen.getAll("X-Forwarded-Port")).containsExactly(String.valueOf(port));
        assertThat(seen.get("Forwarded")).isNull();
        assertThat(seen.get("X-Custom")).isEqualTo("kept");
        assertThat(seen.get("Host")).as("the client's Host is preserved").isEqualTo("www.a.com:" + port);
    }

    @Test
    void trustedProxyAppendsToXForwardedForAndKeepsTheRest() {
        MultiMap h = MultiMap.caseInsensitiveMultiMap().add("X-Forwarded-For", "203.0.113.9").add("X-Forwarded-Proto", "https")
                .add("X-Forwarded-Host", "www.t.com").add("X-Forwarded-Port", "443");
        Answer a = trusting.request(HttpMethod.GET, "127.0.0.1", trustingPort, "www.t.com", "/trusted", h, null);
        assertThat(a.status()).isEqualTo(200);
        MultiMap seen = last("/t/trusted").headers();
        assertThat(seen.get("X-Forwarded-For")).isEqualTo("203.0.113.9, 127.0.0.1");
        assertThat(seen.get("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(seen.get("X-Forwarded-Port")).isEqualTo("443");
    }

    @Test
    void hopByHopHeadersStayOnTheirHop() {
        String answer = ProxyFixture.raw("127.0.0.1", port, "GET /hop HTTP/1.1\r\nHost: www.a.com\r\n"
                + "Connection: close, X-Secret\r\nX-Secret: 1\r\nKeep-Alive: timeout=5\r\nProxy-Authorization: Basic eA==\r\n"
                + "TE: trailers\r\nUpgrade: h2c\r\nX-End-To-End: yes\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200");
        MultiMap seen = last("/a/hop").headers();
        for (String name : List.of("X-Secret", "Keep-Alive", "Proxy-Authorization", "TE", "Upgrade")) {
            assertThat(seen.contains(name)).as(name).isFalse();
        }
        assertThat(seen.get("Connection")).as("the worker connection is the proxy's keep-alive").isNotEqualTo("close, X-Secret");
        assertThat(seen.get("X-End-To-End")).isEqualTo("yes");
    }

    @Test
    void requestBodiesAreForwardedWithLengthOrChunked() {
        Buffer body = Buffer.buffer("x".repeat(100_000));
        Answer a = fx.request(HttpMethod.POST, "127.0.0.1", port, "www.a.com", "/post", null, body);
        assertThat(a.status()).isEqualTo(200);
        assertThat(last("/a/post").bodyBytes()).isEqualTo(100_000);
        String chunked = ProxyFixture.raw("127.0.0.1", port, "POST /chunked HTTP/1.1\r\nHost: www.a.com\r\nConnection: close\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
        assertThat(chunked).startsWith("HTTP/1.1 200");
        assertThat(last("/a/chunked").bodyBytes()).isEqualTo(11);
        assertThat(last("/a/chunked").version()).isEqualTo(HttpVersion.HTTP_1_1);
    }

    @Test
    void roundRobinAlternatesBetweenHealthyWorkers() {
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Answer a = fx.get("127.0.0.1", port, "rr.a.com", "/rr");
            assertThat(a.status()).isEqualTo(200);
            order.add(a.body());
        }
        assertThat(order).containsOnly("/w1/rr", "/w2/rr");
        for (int i = 1; i < order.size(); i++) {
            assertThat(order.get(i)).as("request %d goes to the other worker", i).isNotEqualTo(order.get(i - 1));
        }
    }

    @Test
    void concurrentClientsOnManyConnectionsEachGetTheirOwnAnswer() {
        List<Future<Boolean>> all = new ArrayList<>();
        // Vert.x 5 closes clients that become unreachable (a Cleaner): keep them referenced until the end
        List<HttpClientAgent> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            HttpClientAgent client = fx.vertx.createHttpClient(new HttpClientOptions(),
                    new PoolOptions().setHttp1MaxSize(8));
            clients.add(client);
            Context ctx = fx.vertx.getOrCreateContext();
            for (int i = 0; i < 250; i++) {
                String path = "/c" + c + "/r" + i;
                Promise<Boolean> ok = Promise.promise();
                RequestOptions o = new RequestOptions().setHost("127.0.0.1").setPort(port)
                        .setURI(path).putHeader("Host", i % 2 == 0 ? "www.a.com" : "rr.a.com");
                String expected = i % 2 == 0 ? "/a" + path : null;
                ctx.runOnContext(v -> client.request(o).compose(r -> r.send()).compose(r -> r.body())
                        .map(b -> expected == null ? b.toString().endsWith(path) : b.toString().equals(expected)).onComplete(ok));
                all.add(ok.future());
            }
        }
        List<Boolean> results = ProxyFixture.await(Future.all(all).map(cf -> cf.<Boolean>list()));
        assertThat(results).hasSize(1000).containsOnly(true);
        clients.forEach(HttpClientAgent::close);
    }

    @Test
    void headRequestGetsHeadersWithoutBody() {
        Answer a = fx.request(HttpMethod.HEAD, "127.0.0.1", port, "www.a.com", "/head", null, null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEmpty();
        assertThat(last("/a/head").method()).isEqualTo("HEAD");
    }
}
