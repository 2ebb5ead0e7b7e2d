package io.ccsfront.node.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccsfront.node.config.NodeConfig;
import io.ccsfront.node.proxy.ProxyFixture.Answer;
import io.ccsfront.testing.TestPki;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The proxy.* options and the client-facing limits {@link ProxySettings#applyTo} puts on a listener. */
class ProxySettingsTest {

    @Test
    void defaultsComeFromTheOptionTable() {
        ProxySettings s = ProxySettings.defaults();
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.responseTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.maxHeaderSize()).isEqualTo(16384);
        assertThat(s.poolSizePerWorker()).isEqualTo(64);
        assertThat(s.trustForwardedHeaders()).isFalse();
        assertThat(s.healthCheckPath()).isEqualTo("/");
        HttpServerOptions o = s.applyTo(new HttpServerOptions());
        assertThat(o.getMaxHeaderSize()).isEqualTo(16384);
        assertThat(o.getInitialSettings().getMaxHeaderListSize()).isEqualTo(16384);
        assertThat(o.getIdleTimeout()).isEqualTo(60_000);
        assertThat(o.isHandle100ContinueAutomatically()).isTrue();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"proxy.healthCheck.path, health", "proxy.connectTimeout, 0", "proxy.poolSizePerWorker, 0",
            "proxy.maxHeaderSize, 100", "proxy.ejectAfterFailures, -1", "proxy.responseTimeout, soon"})
    void invalidValuesAreRefusedNamingOptionAndValue(String option, String value) {
        assertThatThrownBy(() -> ProxySettings.from(NodeConfig.defaults().with(Map.of(option, value))))
                .hasMessageContaining(option).hasMessageContaining(value);
    }

    @Test
    void oversizedHeaderBlockIs431AndLongRequestLineIs414() {
        try (ProxyFixture fx = new ProxyFixture(ProxyFixture.settings(Map.of("proxy.maxHeaderSize", "2048",
                "proxy.maxRequestLineLength", "1024")))) {
            Backend backend = Backend.echo(fx.vertx);
            int port = fx.listenHttp();
            fx.sites(ProxyFixture.site("s", 1, List.of("http/*:" + port + ":s.example"), backend.url()));
            String fits = ProxyFixture.raw("127.0.0.1", port, "GET / HTTP/1.1\r\nHost: s.example\r\nX-Pad: "
                    + "p".repeat(1500) + "\r\nConnection: close\r\n\r\n");
            assertThat(fits).startsWith("HTTP/1.1 200");
            String big = ProxyFixture.raw("127.0.0.1", port, "GET / HTTP/1.1\r\nHost: s.example\r\nX-Pad: "
                    + "p".repeat(3000) + "\r\n\r\n");
            assertThat(big).startsWith("HTTP/1.1 431");
            String longLine = ProxyFixture.raw("127.0.0.1", port, "GET /" + "u".repeat(2000) + " HTTP/1.1\r\nHost: s.example\r\n\r\n");
            assertThat(longLine).as("Vert.x answers before it has parsed the version").matches("(?s)HTTP/1\\.[01] 414 .*");
            assertThat(backend.seen).hasSize(1);
        }
    }

    @Test
    void http2HeaderListOverTheLimitIsNotForwarded() {
        try (ProxyFixture fx = new ProxyFixture(ProxyFixture.settings(Map.of("proxy.maxHeaderSize", "2048")))) {
            Backend backend = Backend.echo(fx.vertx);
            int port = fx.listenHttps(TestPki.get().leaf("s.example"));
            fx.sites(ProxyFixture.site("s", 1, List.of("https/*:" + port + ":s.example"), backend.url()));
            HttpClientAgent h2 = fx.vertx.createHttpClient(new HttpClientOptions().setSsl(true).setTrustAll(true)
                    .setVerifyHost(false).setUseAlpn(true).setProtocolVersion(HttpVersion.HTTP_2));
            Promise<Answer> p = Promise.promise();
            RequestOptions o = new RequestOptions().setHost("127.0.0.1").setPort(port).setURI("/").putHeader("Host", "s.example")
                    .putHeader("X-Pad", "p".repeat(4000));
            fx.vertx.getOrCreateContext().runOnContext(v -> h2.request(o).compose(r -> r.send())
                    .compose(r -> r.body().map(b -> new Answer(r.statusCode(), r.headers(), b.toString(), r.version())))
                    .onComplete(p));
            Answer answer = ProxyFixture.await(p.future().otherwise(t -> null));
            if (answer != null) {
                assertThat(answer.status()).isEqualTo(431);
            }
            assertThat(backend.seen).isEmpty();
        }
    }

    @Test
    void idleClientConnectionIsClosedAfterTheIdleTimeout() throws IOException {
        try (ProxyFixture fx = new ProxyFixture(ProxyFixture.settings(Map.of("proxy.idleTimeout", "300ms")))) {
            int port = fx.listenHttp();
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(10_000);
                InputStream in = s.getInputStream();
                assertThat(in.read()).as("end of stream: the server closed the idle connection").isEqualTo(-1);
            }
        }
    }
}
