package io.ccsfront.node.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigChange.Mode;
import io.ccsfront.node.FrontendNode;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.node.testing.Await;
import io.ccsfront.node.testing.FreePorts;
import io.ccsfront.node.testing.RawClientHello;
import io.ccsfront.node.testing.TestNodes;
import io.ccsfront.node.testing.TlsProbe;
import io.ccsfront.site.Site;
import io.ccsfront.testing.TestPki;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input keeps the node up: each case gets a clean close or an alert or a 4xx, is counted, and others are still served. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    final Map<String, FrontendNode> nodes = new java.util.HashMap<>();
    final Map<String, Integer> ports = new java.util.HashMap<>();
    String thumbprint;

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory("ccsfront-bad");
        TestPki.Issued def = TestPki.get().leaf("www.example");
        thumbprint = def.stored().thumbprint().hex();
        for (String engine : List.of("jdk", "openssl")) {
            int port = FreePorts.next();
            FrontendNode n = TestNodes.start(TestNodes.config(dir.resolve(engine), Map.of("listeners.https", "0.0.0.0:" + port,
                    "tls.engine", engine, "tls.handshakeTimeout", "1s", "listeners.maxConnections", "20")), FrontendNode::defaultHandler);
            n.configService().commit(new ConfigChange.Batch(List.of(
                    new ConfigChange.PutCertificate("MY", def.stored(n.protector())),
                    new ConfigChange.PutBinding(new IpPortBinding(IpPort.parse("0.0.0.0:" + port), def.stored().thumbprint()), Mode.ADD),
                    new ConfigChange.PutSite(new Site("www", 1, List.of(SiteBinding.parse(SiteBinding.Protocol.HTTPS, "*:" + port + ":www.example", 0)),
                            List.of(URI.create("http://127.0.0.1:9"))), Mode.ADD))), ConfigService.ANY_VERSION, "test");
            nodes.put(engine, n);
            ports.put(engine, port);
        }
    }

    @AfterAll
    void stop() {
        nodes.values().forEach(FrontendNode::close);
    }

    double count(String engine, String result) {
        return nodes.get(engine).registry().find("ccsfront.tls.handshakes").tag("result", result).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    void stillServes(String engine) {
        assertThat(TlsProbe.presented("127.0.0.1", ports.get(engine), "www.example")).isEqualTo(thumbprint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void garbageInsteadOfClientHelloIsClosedAndCounted(String engine) throws Exception {
        double before = count(engine, "client-error");
        String r = RawClientHello.send("127.0.0.1", ports.get(engine), "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 5000);
        assertThat(r).isIn("closed", "alert:10", "alert:70", "alert:50", "record:72/4", "alert:80");
        Await.until("counted", Duration.ofSeconds(5), () -> count(engine, "client-error") > before);
        stillServes(engine);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void truncatedClientHelloTimesOutAndIsCounted(String engine) throws Exception {
        double before = count(engine, "timeout") + count(engine, "client-error");
        byte[] hello = RawClientHello.hello("www.example".getBytes(StandardCharsets.US_ASCII));
        String r = RawClientHello.send("127.0.0.1", ports.get(engine), java.util.Arrays.copyOf(hello, 40), 5000);
        assertThat(r).isIn("closed", "timeout");
        Await.until("counted", Duration.ofSeconds(5), () -> count(engine, "timeout") + count(engine, "client-error") > before);
        stillServes(engine);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void clientThatSendsNothingIsDisconnectedAfterTheHandshakeTimeout(String engine) throws Exception {
        double before = count(engine, "timeout");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", ports.get(engine)));
            s.setSoTimeout(5000);
            long t0 = System.nanoTime();
            int b = s.getInputStream().read();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(b).isEqualTo(-1);
            assertThat(ms).as("closed by the 1 s handshake timeout").isLessThan(4000);
        }
        Await.until("counted as timeout", Duration.ofSeconds(5), () -> count(engine, "timeout") > before);
        stillServes(engine);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void sniOf300BytesIsTreatedAsAbsent(String engine) throws Exception {
        String r = RawClientHello.send("127.0.0.1", ports.get(engine), RawClientHello.hello("a".repeat(300).getBytes(StandardCharsets.US_ASCII)), 5000);
        assertThat(r).isIn("server_hello", "alert:47", "alert:112", "alert:50", "closed");
        stillServes(engine);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void sniWithInvalidCharactersIsTreatedAsAbsentOrRefused(String engine) throws Exception {
        String r = RawClientHello.send("127.0.0.1", ports.get(engine), RawClientHello.hello("bad_name!.exa mple".getBytes(StandardCharsets.US_ASCII)), 5000);
        assertThat(r).isIn("server_hello", "alert:47", "alert:112", "alert:50", "closed");
        stillServes(engine);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void connectionsBeyondTheLimitAreClosed(String engine) throws Exception {
        List<TlsProbe> open = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                TlsProbe p = TlsProbe.connect("127.0.0.1", ports.get(engine), "www.example");
                open.add(p);
                p.get("www.example", "/");
            }
            try (TlsProbe extra = TlsProbe.connect("127.0.0.1", ports.get(engine), "www.example")) {
                String r;
                try {
                    r = extra.get("www.example", "/");
                } catch (java.io.IOException e) {
                    r = "closed";
                }
                assertThat(r).as("the 21st connection is refused").doesNotStartWith("HTTP/1.1");
            } catch (java.io.IOException e) {
                assertThat(e).isNotNull();
            }
        } finally {
            for (TlsProbe p : open) {
                p.close();
            }
        }
        Await.until("served again once connections closed", Duration.ofSeconds(5), () -> {
            try (TlsProbe p = TlsProbe.connect("127.0.0.1", ports.get(engine), "www.example")) {
                return p.get("www.example", "/").startsWith("HTTP/1.1");
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void missingInvalidHostAndHugeHeadersGet4xx(String engine) throws Exception {
        try (TlsProbe p = TlsProbe.connect("127.0.0.1", ports.get(engine), "www.example")) {
            assertThat(raw(p, "GET / HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400");
        }
        try (TlsProbe p = TlsProbe.connect("127.0.0.1", ports.get(engine), "www.example")) {
            assertThat(raw(p, "GET / HTTP/1.1\r\nHost: bad host!\r\n\r\n")).startsWith("HTTP/1.1 400");
        }
        try (TlsProbe p = TlsProbe.connect("127.0.0.1", ports.get(engine), "www.example")) {
            assertThat(raw(p, "GET / HTTP/1.1\r\nHost: www.example\r\nX-Big: " + "x".repeat(40_000) + "\r\n\r\n")).startsWith("HTTP/1.1 431");
        }
        stillServes(engine);
    }

    static String raw(TlsProbe p, String request) throws java.io.IOException {
        p.socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        p.socket.getOutputStream().flush();
        InputStream in = p.socket.getInputStream();
        return TlsProbe.HttpText.readResponse(in);
    }
}
