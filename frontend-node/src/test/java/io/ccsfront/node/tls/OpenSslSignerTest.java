package io.ccsfront.node.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.node.FrontendNode;
import io.ccsfront.node.config.NodeConfig;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.node.testing.FreePorts;
import io.ccsfront.node.testing.OpenSslClient;
import io.ccsfront.node.testing.TestNodes;
import io.ccsfront.node.testing.TlsProbe;
import io.ccsfront.testing.TestPki;
import io.netty.handler.ssl.OpenSslPrivateKeyMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code tls.rsaSigner=openssl}: RSA certificates' private-key operations done by the system's
 * OpenSSL 3. Every signature scheme checked against the JDK's verifier; real handshakes (TLS 1.3 and
 * 1.2, RSA and ECDSA, RSA key exchange) with the node counting each RSA operation as OpenSSL's and
 * leaving ECDSA to BoringSSL. The test
 * JVM has the foreign-function flags (frontend-node/pom.xml), as README's run command does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSslSignerTest {

    static final byte[] INPUT = ("                                                                "
            + "TLS 1.3, server CertificateVerify\0" + "0123456789abcdef0123456789abcdef").getBytes(StandardCharsets.US_ASCII);

    OpenSslSigner signer;
    Path tmp;
    FrontendNode node;
    FrontendNode plain;
    int port;
    int plainPort;
    final Map<String, TestPki.Issued> certs = new java.util.HashMap<>();

    @BeforeAll
    void start() throws Exception {
        signer = OpenSslSigner.load(OpenSslSigner.DEFAULT_LIBRARIES);
        tmp = Files.createTempDirectory("ccsfront-signer");
        for (String[] c : new String[][] {{"rsa.example", "RSA"}, {"rsa3072.example", "RSA3072"}, {"ec.example", "EC"},
                {"ec384.example", "EC384"}, {"cold.example", "RSA"}}) {
            certs.put(c[0], TestPki.get().leaf(TestPki.LeafSpec.names(c[0]).key(c[1])));
        }
        port = FreePorts.next();
        plainPort = FreePorts.next();
        node = node("signed", port, Map.of("tls.rsaSigner", "openssl"));
        plain = node("plain", plainPort, Map.of("tls.rsaSigner", "boringssl"));
    }

    FrontendNode node(String dir, int p, Map<String, String> extra) {
        Map<String, String> c = new java.util.HashMap<>(extra);
        c.put("listeners.https", "0.0.0.0:" + p);
        c.put("tls.engine", "openssl");
        FrontendNode n = TestNodes.start(TestNodes.config(tmp.resolve(dir), c));
        List<ConfigChange> changes = new ArrayList<>();
        certs.forEach((name, issued) -> changes.add(new ConfigChange.PutCcs(name, issued.stored(n.protector()))));
        changes.add(new ConfigChange.PutBinding(new CcsBinding(p), ConfigChange.Mode.ADD));
        n.configService().commit(new ConfigChange.Batch(changes), ConfigService.ANY_VERSION, "test");
        return n;
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        if (plain != null) {
            plain.close();
        }
    }

    PreparedCertificate prepared(String name) {
        TestPki.Issued i = certs.get(name);
        StoredCertificate s = i.stored();
        return new PreparedCertificate(s.thumbprint(), s.summary(), i.chain().toArray(java.security.cert.X509Certificate[]::new),
                i.key(), s.thumbprint().hex());
    }

    @ParameterizedTest
    @CsvSource({
        "rsa.example, RSA_PKCS1_SHA1", "rsa.example, RSA_PKCS1_SHA256", "rsa.example, RSA_PKCS1_SHA384",
        "rsa.example, RSA_PKCS1_SHA512", "rsa.example, RSA_PSS_SHA256", "rsa.example, RSA_PSS_SHA384",
        "rsa.example, RSA_PSS_SHA512", "rsa3072.example, RSA_PSS_SHA256", "ec.example, ECDSA_SHA256",
        "ec.example, ECDSA_SHA1", "ec384.example, ECDSA_SHA384", "ec384.example, ECDSA_SHA256"})
    void everySchemeVerifiesWithTheJdk(String name, OpenSslSigner.Scheme scheme) throws Exception {
        PreparedCertificate p = prepared(name);
        long before = signer.openSslOperations.sum();
        byte[] sig = signer.sign(p, scheme.code, INPUT);
        assertThat(signer.openSslOperations.sum()).isEqualTo(before + 1);
        assertThat(verifier(scheme, p)).satisfies(v -> {
            v.update(INPUT);
            assertThat(v.verify(sig)).as("%s signature verifies", scheme).isTrue();
        });
        // and a changed input does not
        Signature v = verifier(scheme, p);
        byte[] other = INPUT.clone();
        other[other.length - 1] ^= 1;
        v.update(other);
        assertThat(v.verify(sig)).isFalse();
        // the JDK fallback signs the same scheme verifiably too
        Signature w = verifier(scheme, p);
        w.update(INPUT);
        assertThat(w.verify(OpenSslSigner.jdkSign(p.key(), scheme.code, INPUT))).isTrue();
    }

    static Signature verifier(OpenSslSigner.Scheme s, PreparedCertificate p) throws Exception {
        Signature v;
        if (s.name().startsWith("RSA_PSS")) {
            v = Signature.getInstance("RSASSA-PSS");
            int len = s.digest.equals("SHA-256") ? 32 : s.digest.equals("SHA-384") ? 48 : 64;
            v.setParameter(new PSSParameterSpec(s.digest, "MGF1", new MGF1ParameterSpec(s.digest), len, 1));
        } else {
            v = Signature.getInstance(s.digest.replace("-", "") + "with" + (s.name().startsWith("RSA") ? "RSA" : "ECDSA"));
        }
        v.initVerify(p.chain()[0].getPublicKey());
        return v;
    }

    @Test
    void aSchemeForAnotherKeyTypeIsRefused() {
        assertThatThrownBy(() -> signer.sign(prepared("ec.example"), OpenSslPrivateKeyMethod.SSL_SIGN_RSA_PSS_RSAE_SHA256, INPUT))
                .hasMessageContaining("non-RSA key");
    }

    @Test
    void decryptIsTheRawRsaOperation() throws Exception {
        PreparedCertificate p = prepared("rsa.example");
        byte[] secret = "48 bytes of TLS 1.2 premaster secret, say.......".getBytes(StandardCharsets.US_ASCII);
        Cipher c = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        c.init(Cipher.ENCRYPT_MODE, p.chain()[0].getPublicKey());
        byte[] raw = signer.decrypt(p, c.doFinal(secret));
        // BoringSSL gets the whole PKCS #1 v1.5 block and checks the padding itself: 00 02 PS 00 M
        assertThat(raw).hasSize(256);
        assertThat(raw[0]).isEqualTo((byte) 0);
        assertThat(raw[1]).isEqualTo((byte) 2);
        assertThat(java.util.Arrays.copyOfRange(raw, 256 - secret.length, 256)).isEqualTo(secret);
        assertThat(raw[256 - secret.length - 1]).isEqualTo((byte) 0);
    }

    @Test
    void nativeKeysAreFreedOnceTheirCertificateIsUnreachable() throws Exception {
        long freed = signer.freed.sum();
        long loaded = signer.loaded.sum();
        for (int i = 0; i < 5; i++) {
            signer.sign(prepared("ec.example"), OpenSslPrivateKeyMethod.SSL_SIGN_ECDSA_SECP256R1_SHA256, INPUT);
        }
        assertThat(signer.loaded.sum()).isEqualTo(loaded + 5);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (signer.freed.sum() < freed + 5 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(signer.freed.sum()).isGreaterThanOrEqualTo(freed + 5);
    }

    @Test
    void aPreparedCertificateLoadsItsKeyIntoOpenSslOnce() throws Exception {
        PreparedCertificate p = prepared("rsa.example");
        long loaded = signer.loaded.sum();
        for (int i = 0; i < 3; i++) {
            signer.sign(p, OpenSslPrivateKeyMethod.SSL_SIGN_RSA_PSS_RSAE_SHA256, INPUT);
        }
        assertThat(signer.loaded.sum()).isEqualTo(loaded + 1);
    }

    double ops(FrontendNode n, String by) {
        var c = n.registry().find("ccsfront.tls.private.key.operations").tag("by", by).functionCounter();
        return c == null ? -1 : c.count();
    }

    @ParameterizedTest
    @CsvSource({"rsa.example, TLSv1.3, 1", "rsa.example, TLSv1.2, 1", "rsa3072.example, TLSv1.3, 1",
        "ec.example, TLSv1.3, 0", "ec.example, TLSv1.2, 0", "ec384.example, TLSv1.3, 0"})
    void rsaHandshakesAreSignedByOpenSslEcdsaByBoringSsl(String name, String protocol, int byOpenSsl) throws Exception {
        double before = ops(node, "openssl");
        try (TlsProbe p = TlsProbe.connect("127.0.0.1", port, name, protocol)) {
            assertThat(p.protocol()).isEqualTo(protocol);
            assertThat(p.thumbprint.hex()).isEqualTo(certs.get(name).stored().thumbprint().hex());
        }
        assertThat(ops(node, "openssl")).isEqualTo(before + byOpenSsl);
        assertThat(ops(node, "jdk")).isZero();
    }

    @Test
    void aColdKeyIsImportedOffTheEventLoopThenSignedInline() throws Exception {
        double offLoop = node.registry().find("ccsfront.tls.private.key.offloop").functionCounter().count();
        double ops = ops(node, "openssl");
        for (int i = 0; i < 3; i++) {
            try (TlsProbe p = TlsProbe.connect("127.0.0.1", port, "cold.example", "TLSv1.3")) {
                assertThat(p.thumbprint.hex()).isEqualTo(certs.get("cold.example").stored().thumbprint().hex());
            }
        }
        // the first handshake imported the key on the importer thread; the next two signed on the event loop
        assertThat(node.registry().find("ccsfront.tls.private.key.offloop").functionCounter().count()).isEqualTo(offLoop + 1);
        assertThat(ops(node, "openssl")).isEqualTo(ops + 3);
    }

    @ParameterizedTest
    @CsvSource({"rsa_pkcs1_sha256, -sigalgs", "rsa_pkcs1_sha384, -sigalgs", "rsa_pss_rsae_sha512, -sigalgs",
        "AES128-GCM-SHA256, -cipher"})
    void tls12SchemesAndRsaKeyExchangeThroughOpenSslClient(String value, String option) throws Exception {
        Assumptions.assumeTrue(OpenSslClient.available(), "openssl not installed");
        double before = ops(node, "openssl");
        String out = sClient(port, "rsa.example", option, value);
        assertThat(out).contains("Protocol  : TLSv1.2").doesNotContain("alert");
        if (option.equals("-sigalgs")) {
            assertThat(out).contains("Peer signature type: " + (value.contains("pss") ? "RSA-PSS" : "RSA"));
        } else {
            assertThat(out).contains("Cipher    : " + value);
        }
        assertThat(ops(node, "openssl")).isEqualTo(before + 1);
    }

    static String sClient(int port, String sni, String option, String value) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-servername", sni, "-tls1_2",
                option, value).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void boringSslSignsWhenAskedTo() throws Exception {
        try (TlsProbe p = TlsProbe.connect("127.0.0.1", plainPort, "rsa.example", "TLSv1.3")) {
            assertThat(p.protocol()).isEqualTo("TLSv1.3");
        }
        assertThat(ops(plain, "openssl")).isEqualTo(-1);
    }

    @Test
    void unknownChoiceOrMissingLibraryIsAConfigurationError() {
        assertThat(startFailure(Map.of("tls.rsaSigner", "fastest"))).isInstanceOf(NodeConfig.ConfigError.class)
                .hasMessageContaining("tls.rsaSigner must be");
        assertThat(startFailure(Map.of("tls.rsaSigner", "openssl", "tls.rsaSignerLibrary", "/nonexistent/libcrypto.so.3")))
                .isInstanceOf(NodeConfig.ConfigError.class).hasMessageContaining("/nonexistent/libcrypto.so.3: not found");
    }

    Throwable startFailure(Map<String, String> extra) {
        Map<String, String> c = new java.util.HashMap<>(extra);
        c.put("listeners.https", "0.0.0.0:" + FreePorts.next());
        try {
            TestNodes.start(TestNodes.config(tmp.resolve("bad-" + c.hashCode()), c)).close();
            return null;
        } catch (Throwable e) {
            Throwable t = e;
            while (!(t instanceof NodeConfig.ConfigError) && t.getCause() != null) {
                t = t.getCause();
            }
            return t;
        }
    }
}
