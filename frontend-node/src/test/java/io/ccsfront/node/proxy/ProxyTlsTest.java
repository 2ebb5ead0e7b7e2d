package io.ccsfront.node.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.node.proxy.ProxyFixture.Answer;
import io.ccsfront.testing.TestPki;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * HTTPS listeners with one fixed certificate ({@code www.a.com} and IP SAN {@code 127.0.0.1}),
 * read back with {@link ServedCertificates#fromSslSession()}: the certificate must cover the
 * request's host (else 421), and HTTP/2 clients are forwarded to workers over HTTP/1.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyTlsTest {

    private ProxyFixture fx;
    private Backend backend;
    private int port;
    private HttpClientAgent h1;
    private HttpClientAgent h2;

    @BeforeAll
    void start() {
        fx = new ProxyFixture(ProxyFixture.settings(Map.of()));
        backend = Backend.echo(fx.vertx);
        TestPki.Issued cert = TestPki.get().leaf(TestPki.LeafSpec.names("www.a.com").ips("127.0.0.1"));
        port = fx.listenHttps(cert);
        fx.sites(ProxyFixture.site("a", 1, List.of("https/*:" + port + ":www.a.com"), backend.url("/a")),
                ProxyFixture.site("b", 2, List.of("https/*:" + port + ":www.b.com"), backend.url("/b")),
                ProxyFixture.site("ip", 3, List.of("https/*:" + port + ":"), backend.url("/ip")));
        // Trust all: what is under test is the certificate the server side reads back, not the client's path validation.
        HttpClientOptions tls = new HttpClientOptions().setSsl(true).setTrustAll(true).setVerifyHost(false);
        h1 = fx.vertx.createHttpClient(new HttpClientOptions(tls).setProtocolVersion(HttpVersion.HTTP_1_1));
        h2 = fx.vertx.createHttpClient(new HttpClientOptions(tls).setProtocolVersion(HttpVersion.HTTP_2).setUseAlpn(true));
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private Answer get(HttpClientAgent client, String host, String path) {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port).setURI(path);
        Promise<Answer> p = Promise.promise();
        fx.vertx.getOrCreateContext().runOnContext(v -> client.request(o)
                .compose(r -> r.authority(HostAndPort.parseAuthority(host, -1)).send())
                .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), resp.headers(), b.toString(), resp.version())))
                .onComplete(p));
        return ProxyFixture.await(p.future());
    }

    @Test
    void hostCoveredByTheServedCertificateIsForwarded() {
        Answer a = get(h1, "www.a.com", "/x");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("/a/x");
        assertThat(backend.seen.get(backend.seen.size() - 1).headers().get("X-Forwarded-Proto")).isEqualTo("https");
    }

    @Test
    void hostNotCoveredByTheServedCertificateIs421EvenWhenItsSiteExists() {
        Answer a = get(h1, "www.b.com", "/x");
        assertThat(a.status()).isEqualTo(421);
        assertThat(a.body()).contains("www.b.com");
        assertThat(backend.requestsTo("/b")).isZero();
        assertThat(fx.counter(ProxyMetrics.REQUESTS, "outcome", "misdirected")).isPositive();
    }

    @Test
    void ipLiteralHostIsCoveredByAnIpSanAndRoutesToTheEmptyHostBinding() {
        Answer a = get(h1, "127.0.0.1:" + port, "/lit");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("/ip/lit");
        assertThat(get(h1, "127.0.0.2", "/lit").status()).as("an IP the certificate does not name").isEqualTo(421);
    }

    @Test
    void http2ClientIsForwardedToTheWorkerOverHttp11() {
        Answer a = get(h2, "www.a.com", "/h2?q=1");
        assertThat(a.version()).isEqualTo(HttpVersion.HTTP_2);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("/a/h2?q=1");
        Backend.Seen seen = backend.seen.get(backend.seen.size() - 1);
        assertThat(seen.version()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(seen.headers().get("Host")).isEqualTo("www.a.com");
        assertThat(seen.headers().get("X-Forwarded-Host")).isEqualTo("www.a.com");
        ProxyFixture.until("the HTTP/2 exchange to be counted", Duration.ofSeconds(5),
                () -> fx.counter(ProxyMetrics.REQUESTS, "outcome", "forwarded", "status", "2xx") > 0);
        assertThat(fx.counter(ProxyMetrics.REQUESTS, "outcome", "aborted")).as("a completed HTTP/2 stream is not an abort").isZero();
    }

    @Test
    void http2GetWithoutBodyReachesTheWorkerWithoutBody() {
        assertThat(get(h2, "www.a.com", "/nobody").status()).isEqualTo(200);
        Backend.Seen seen = backend.seen.get(backend.seen.size() - 1);
        assertThat(seen.uri()).isEqualTo("/a/nobody");
        assertThat(seen.headers().get("Transfer-Encoding")).isNull();
        assertThat(seen.bodyBytes()).isZero();
    }

    @Test
    void http2BodyWithoutContentLengthIsForwardedChunked() {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port).setURI("/upload");
        Promise<Integer> p = Promise.promise();
        fx.vertx.getOrCreateContext().runOnContext(v -> h2.request(o).compose(r -> {
            r.authority(HostAndPort.create("www.a.com", -1)).setChunked(true);
            for (int i = 0; i < 20; i++) {
                r.write(Buffer.buffer(new byte[10_000]));
            }
            r.end();
            return r.response();
        }).compose(resp -> resp.body().map(b -> resp.statusCode())).onComplete(p));
        assertThat(ProxyFixture.await(p.future())).isEqualTo(200);
        Backend.Seen seen = backend.seen.get(backend.seen.size() - 1);
        assertThat(seen.uri()).isEqualTo("/a/upload");
        assertThat(seen.bodyBytes()).isEqualTo(200_000);
        assertThat(seen.headers().get("Transfer-Encoding")).isEqualTo("chunked");
    }

    @Test
    void http2CoalescedRequestForAnotherTenantIs421() {
        Answer first = get(h2, "www.a.com", "/one");
        assertThat(first.status()).isEqualTo(200);
        Answer coalesced = get(h2, "www.b.com", "/two");
        assertThat(coalesced.version()).isEqualTo(HttpVersion.HTTP_2);
        assertThat(coalesced.status()).isEqualTo(421);
    }

    @Test
    void sslSessionCertificatesReadsTheServedLeafOncePerConnection() {
        TestPki.Issued cert = TestPki.get().leaf("cache.example");
        ServedCertificates served = ServedCertificates.fromSslSession();
        var server = ProxyFixture.await(fx.vertx.createHttpServer(new HttpServerOptions().setSsl(true)
                        .setKeyCertOptions(ProxyFixture.pem(cert)).setHost("127.0.0.1").setPort(0))
                .requestHandler(req -> {
                    var summary = served.servedOn(req);
                    req.response().end(System.identityHashCode(summary) + " " + summary.names());
                }).listen());
        HttpClientAgent oneConnection = fx.vertx.createHttpClient(new HttpClientOptions().setSsl(true)
                .setTrustAll(true).setVerifyHost(false), new PoolOptions().setHttp1MaxSize(1));
        Set<String> answers = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            RequestOptions o = new RequestOptions().setHost("127.0.0.1").setPort(server.actualPort()).setURI("/");
            Promise<String> p = Promise.promise();
            fx.vertx.getOrCreateContext().runOnContext(v -> oneConnection.request(o).compose(r -> r.send())
                    .compose(r -> r.body()).map(Object::toString).onComplete(p));
            answers.add(ProxyFixture.await(p.future()));
        }
        assertThat(answers).as("one summary object for the connection").hasSize(1);
        assertThat(answers.iterator().next()).endsWith("[cache.example]");
    }
}
