package io.ccsfront.node.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.HostnamePortBinding;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigChange.Mode;
import io.ccsfront.node.FrontendNode;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.node.testing.FreePorts;
import io.ccsfront.node.testing.TestNodes;
import io.ccsfront.node.testing.TlsProbe;
import io.ccsfront.testing.TestPki;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real handshakes on loopback against one wildcard listener (0.0.0.0): the certificate actually
 * presented, by thumbprint, for every selection level, with both TLS engines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerHandshakeSelectionTest {

    Path tmp;

    final Map<String, TestPki.Issued> certs = new java.util.HashMap<>();
    final List<FrontendNode> nodes = new ArrayList<>();
    int jdkPort;
    int opensslPort;
    int ccsOnlyPortJdk;
    int ccsOnlyPortOpenssl;

    TestPki.Issued issued(String name) {
        return certs.computeIfAbsent(name, n -> TestPki.get().leaf(n));
    }

    StoredCertificate cert(String name) {
        return issued(name).stored();
    }

    @BeforeAll
    void start() throws Exception {
        tmp = java.nio.file.Files.createTempDirectory("ccsfront-tls");
        jdkPort = FreePorts.next();
        opensslPort = FreePorts.next();
        ccsOnlyPortJdk = FreePorts.next();
        ccsOnlyPortOpenssl = FreePorts.next();
        nodes.add(node("jdk", jdkPort, ccsOnlyPortJdk));
        nodes.add(node("openssl", opensslPort, ccsOnlyPortOpenssl));
    }

    FrontendNode node(String engine, int port, int ccsOnly) {
        FrontendNode n = TestNodes.start(TestNodes.config(tmp.resolve(engine), Map.of(
                "listeners.https", "0.0.0.0:" + port + ",0.0.0.0:" + ccsOnly, "tls.engine", engine)));
        List<ConfigChange> c = new ArrayList<>();
        for (String name : List.of("ip2.example", "sni.example", "v6.example", "default.example")) {
            c.add(new ConfigChange.PutCertificate("MY", issued(name).stored(n.protector())));
        }
        c.add(put(new IpPortBinding(IpPort.parse("127.0.0.2:" + port), cert("ip2.example").thumbprint())));
        c.add(put(new HostnamePortBinding("sni.example", port, cert("sni.example").thumbprint())));
        c.add(new ConfigChange.PutCertificate("MY", issued("tls13.example").stored(n.protector())));
        c.add(put(new HostnamePortBinding("tls13.example", port, cert("tls13.example").thumbprint(), null, null,
                io.ccsfront.binding.TlsOptions.DEFAULT.withMinVersion(io.ccsfront.binding.TlsOptions.TlsVersion.TLS_1_3))));
        c.add(put(new CcsBinding(port)));
        c.add(put(new CcsBinding(ccsOnly)));
        c.add(new ConfigChange.PutCcs("www.contoso.com", issued("www.contoso.com").stored(n.protector())));
        c.add(new ConfigChange.PutCcs("_.contoso.com", issued("*.contoso.com").stored(n.protector())));
        c.add(put(new IpPortBinding(IpPort.parse("[::]:" + port), cert("v6.example").thumbprint())));
        c.add(put(new IpPortBinding(IpPort.parse("0.0.0.0:" + port), cert("default.example").thumbprint())));
        n.configService().commit(new ConfigChange.Batch(c), ConfigService.ANY_VERSION, "test");
        return n;
    }

    static ConfigChange put(io.ccsfront.binding.SslBinding b) {
        return new ConfigChange.PutBinding(b, Mode.ADD);
    }

    @AfterAll
    void stop() {
        nodes.forEach(FrontendNode::close);
    }

    int port(String engine) {
        return engine.equals("jdk") ? jdkPort : opensslPort;
    }

    String tp(String name) {
        return cert(name).thumbprint().hex();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void exactIpPortWinsForTheAddressTheClientConnectedTo(String engine) {
        assertThat(TlsProbe.presented("127.0.0.2", port(engine), null)).isEqualTo(tp("ip2.example"));
        assertThat(TlsProbe.presented("127.0.0.2", port(engine), "sni.example")).isEqualTo(tp("ip2.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void sniBindingServesItsNameOnOtherAddresses(String engine) {
        assertThat(TlsProbe.presented("127.0.0.1", port(engine), "sni.example")).isEqualTo(tp("sni.example"));
        assertThat(TlsProbe.presented("::1", port(engine), "sni.example")).isEqualTo(tp("sni.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void ccsServesExactThenOneLabelWildcard(String engine) {
        assertThat(TlsProbe.presented("127.0.0.1", port(engine), "www.contoso.com")).isEqualTo(tp("www.contoso.com"));
        assertThat(TlsProbe.presented("127.0.0.1", port(engine), "blog.contoso.com")).isEqualTo(tp("*.contoso.com"));
        assertThat(TlsProbe.presented("127.0.0.1", port(engine), "a.b.contoso.com")).isEqualTo(tp("default.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void wildcardsServeClientsWithoutSni(String engine) {
        assertThat(TlsProbe.presented("127.0.0.1", port(engine), null)).isEqualTo(tp("default.example"));
        assertThat(TlsProbe.presented("::1", port(engine), null)).isEqualTo(tp("v6.example"));
        assertThat(TlsProbe.presented("::1", port(engine), "unknown.example")).isEqualTo(tp("v6.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void noCertificateAbortsWithTheAlertSpecNames(String engine) {
        int p = engine.equals("jdk") ? ccsOnlyPortJdk : ccsOnlyPortOpenssl;
        assertThat(TlsProbe.presented("127.0.0.1", p, "www.contoso.com")).isEqualTo(tp("www.contoso.com"));
        assertThat(TlsProbe.presented("127.0.0.1", p, "unknown.example")).contains("unrecognized_name");
        for (String v : new String[] {"TLSv1.2", "TLSv1.3"}) {
            try (TlsProbe x = TlsProbe.connect("127.0.0.1", p, null, v)) {
                throw new AssertionError("handshake should fail, served " + x.thumbprint);
            } catch (java.io.IOException e) {
                assertThat(e.getMessage()).as(engine + " " + v).contains("handshake_failure");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void fullChainIsServedAndBothTlsVersionsWork(String engine) throws Exception {
        for (String v : new String[] {"TLSv1.2", "TLSv1.3"}) {
            try (TlsProbe p = TlsProbe.connect("127.0.0.1", port(engine), "www.contoso.com", v)) {
                assertThat(p.protocol()).isEqualTo(v);
                assertThat(p.chain()).hasSize(2);
                assertThat(p.chain().get(1)).isEqualTo(TestPki.get().intermediate().certificate());
                assertThat(p.get("www.contoso.com", "/")).startsWith("HTTP/1.1 200");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void bindingMinimumTlsVersionRefusesOlderClients(String engine) throws Exception {
        try (TlsProbe p = TlsProbe.connect("127.0.0.1", port(engine), "tls13.example", "TLSv1.3")) {
            assertThat(p.get("tls13.example", "/")).startsWith("HTTP/1.1 200");
        }
        try (TlsProbe p = TlsProbe.connect("127.0.0.1", port(engine), "tls13.example", "TLSv1.2")) {
            String r;
            try {
                r = p.get("tls13.example", "/");
            } catch (java.io.IOException e) {
                r = "closed: " + e.getMessage();
            }
            assertThat(r).doesNotStartWith("HTTP/1.1 200");
        } catch (java.io.IOException e) {
            assertThat(e).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "openssl"})
    void alpnNegotiatesH2AndHttp11(String engine) throws Exception {
        try (TlsProbe p = TlsProbe.connect("127.0.0.1", port(engine), "www.contoso.com", null, new String[] {"h2", "http/1.1"})) {
            assertThat(p.alpn()).isEqualTo("h2");
        }
        try (TlsProbe p = TlsProbe.connect("127.0.0.1", port(engine), "www.contoso.com", null, new String[] {"http/1.1"})) {
            assertThat(p.alpn()).isEqualTo("http/1.1");
        }
    }
}
