package io.ccsfront.node.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.node.proxy.ProxyFixture.Answer;
import io.vertx.core.net.SocketAddress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC.md §3.1 on real listeners: exact IP + port + host, then {@code *} + port + host, then
 * exact IP + port + empty host, then {@code *} + port + empty host. Each site's worker is the
 * same echo backend under a base path named after the site, so the body tells who answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyRoutingTest {

    private ProxyFixture fx;
    private Backend backend;
    private int port;
    private int hostOnlyPort;

    @BeforeAll
    void start() {
        fx = new ProxyFixture(ProxyFixture.settings(Map.of()));
        backend = Backend.echo(fx.vertx);
        port = fx.listenHttp();
        hostOnlyPort = fx.listenHttp();
        fx.sites(
                ProxyFixture.site("exact-host", 1, List.of("http/127.0.0.2:" + port + ":www.a.com"), backend.url("/exact-host")),
                ProxyFixture.site("any-host", 2, List.of("http/*:" + port + ":www.a.com"), backend.url("/any-host")),
                ProxyFixture.site("any-host-d", 7, List.of("http/*:" + port + ":www.d.com"), backend.url("/any-host-d")),
                ProxyFixture.site("exact-empty", 3, List.of("http/127.0.0.2:" + port + ":"), backend.url("/exact-empty")),
                ProxyFixture.site("any-empty", 4, List.of("http/*:" + port + ":"), backend.url("/any-empty")),
                ProxyFixture.site("host-only", 5, List.of("http/*:" + hostOnlyPort + ":www.c.com"), backend.url("/host-only")),
                ProxyFixture.site("idn", 6, List.of("http/*:" + hostOnlyPort + ":xn--bcher-kva.example"), backend.url("/idn")));
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @ParameterizedTest(name = "{0}: connect {1}, Host {2} -> {3}")
    @CsvSource({
            "exact IP + port + host beats * + host,                127.0.0.2, www.a.com,    exact-host",
            "* + port + host when the IP has no binding for the host, 127.0.0.1, www.a.com,    any-host",
            "* + port + host beats exact IP + empty host,            127.0.0.2, www.d.com,    any-host-d",
            "exact IP + empty host when no binding names the host,   127.0.0.2, www.b.com,    exact-empty",
            "* + empty host catches the rest,                        127.0.0.1, www.b.com,    any-empty",
            "an IP-literal Host routes as the empty host,            127.0.0.2, 127.0.0.2,    exact-empty",
            "the port in Host is stripped,                           127.0.0.1, www.a.com:80, any-host",
            "a trailing dot and upper case are normalised,           127.0.0.2, WWW.A.COM.,   exact-host"})
    void routesInSpecOrder(String rule, String connectTo, String host, String site) {
        Answer a = fx.get(connectTo, port, host, "/page?q=1");
        assertThat(a.status()).as(rule).isEqualTo(200);
        assertThat(a.body()).as(rule).isEqualTo("/" + site + "/page?q=1");
    }

    @Test
    void ipv4MappedIpv6ConnectionCountsAsItsIpv4Address() throws Exception {
        String answer = ProxyFixture.raw("::ffff:127.0.0.2", port, "GET /mapped HTTP/1.1\r\nHost: www.b.com\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200").endsWith("/exact-empty/mapped");
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 2};
        var v6 = Inet6Address.getByAddress(null, mapped, -1);
        var address = SocketAddress.inetSocketAddress(new InetSocketAddress(v6, 443));
        assertThat(Addresses.ip(address)).isEqualTo(InetAddress.getByName("127.0.0.2"));
        assertThat(Addresses.ip(address)).isInstanceOf(Inet4Address.class);
    }

    @Test
    void internationalisedHostTravelsAsItsALabel() {
        Answer a = fx.get("127.0.0.1", hostOnlyPort, "XN--BCHER-KVA.example", "/");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("/idn/");
        String unicode = ProxyFixture.raw("127.0.0.1", hostOnlyPort, "GET / HTTP/1.1\r\nHost: b\u00fccher.example\r\nConnection: close\r\n\r\n");
        assertThat(unicode).as("a U-label is not a valid Host (RFC 3986 reg-name is ASCII)").startsWith("HTTP/1.1 400");
    }

    @Test
    void unknownHostIs404NamingTheHost() {
        Answer a = fx.get("127.0.0.1", hostOnlyPort, "www.unknown.com", "/");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body()).contains("www.unknown.com").contains(String.valueOf(hostOnlyPort));
        assertThat(a.headers().get("Content-Type")).startsWith("text/plain");
    }

    @Test
    void missingHostIs400() {
        String http11 = ProxyFixture.raw("127.0.0.1", hostOnlyPort, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertThat(http11).startsWith("HTTP/1.1 400").contains("missing or invalid Host header");
        String http10 = ProxyFixture.raw("127.0.0.1", hostOnlyPort, "GET / HTTP/1.0\r\n\r\n");
        assertThat(http10).startsWith("HTTP/1.0 400").contains("Host");
    }

    @ParameterizedTest(name = "Host: {0}")
    @CsvSource({"bad_host.com", "-lead.example.com", "999.1.1.1", "[::zz]", "a..b"})
    void invalidHostIs400NamingIt(String host) {
        String answer = ProxyFixture.raw("127.0.0.1", hostOnlyPort, "GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
    }

    @Test
    void absoluteFormTargetWinsOverHostHeader() {
        String answer = ProxyFixture.raw("127.0.0.1", hostOnlyPort,
                "GET http://www.c.com/abs?x=1 HTTP/1.1\r\nHost: www.unknown.com\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200").endsWith("/host-only/abs?x=1");
    }

    @Test
    void keepAliveConnectionServesManyRequestsAcrossSites() {
        for (int i = 0; i < 20; i++) {
            String host = i % 2 == 0 ? "www.a.com" : "www.b.com";
            Answer a = fx.get("127.0.0.1", port, host, "/n" + i);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).isEqualTo((i % 2 == 0 ? "/any-host" : "/any-empty") + "/n" + i);
        }
    }
}
