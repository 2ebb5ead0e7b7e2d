package io.ccsfront.cli.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.node.FrontendNode;
import io.ccsfront.node.config.NodeConfig;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.testing.TestPki;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proof is only given when every member serves NEW: a member still serving OLD fails it after the wait. */
class RotationProofTest {

    @TempDir
    Path tmp;

    @Test
    void aMemberStillServingOldFailsTheProof() throws Exception {
        StoredCertificate oldCert = TestPki.get().leaf("p.example").stored();
        StoredCertificate newCert = TestPki.get().leaf("p.example").stored();
        try (FrontendNode a = node("a", newCert); FrontendNode b = node("b", oldCert)) {
            String members = "[{\"name\":\"a\",\"httpsEndpoints\":[\"127.0.0.1:" + a.httpsPorts().get(0) + "\"]},"
                    + "{\"name\":\"b\",\"httpsEndpoints\":[\"127.0.0.1:" + b.httpsPorts().get(0) + "\"]}]";
            JsonNode m = new ObjectMapper().readTree(members);
            String probesFor = "[{\"target\":\"ipport=0.0.0.0:%d\",\"ip\":\"0.0.0.0\",\"viaMemberEndpoint\":true,\"port\":%d,\"sni\":null}]";
            int pa = a.httpsPorts().get(0);
            RotationProof onlyA = new RotationProof(m, new ObjectMapper().readTree(String.format(probesFor, pa, pa)));
            assertThat(onlyA.run(newCert.thumbprint().hex(), Duration.ZERO)).isTrue();

            String both = "[" + String.format(probesFor, pa, pa).replaceAll("^\\[|\\]$", "") + ","
                    + String.format(probesFor, b.httpsPorts().get(0), b.httpsPorts().get(0)).replaceAll("^\\[|\\]$", "") + "]";
            RotationProof proof = new RotationProof(m, new ObjectMapper().readTree(both));
            assertThat(proof.checks).hasSize(2);
            assertThat(proof.run(newCert.thumbprint().hex(), Duration.ofSeconds(1))).isFalse();
            assertThat(proof.results.values()).extracting(HandshakeProbe.Result::thumbprint)
                    .containsExactlyInAnyOrder(newCert.thumbprint().hex(), oldCert.thumbprint().hex());
        }
    }

    FrontendNode node(String name, StoredCertificate cert) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        FrontendNode n = new FrontendNode(NodeConfig.defaults().with(Map.of("node.name", name, "node.dataDir", tmp.resolve(name).toString(),
                "listeners.https", "0.0.0.0:" + port, "listeners.http", "", "admin.port", "0", "cluster.enabled", "false",
                "tls.defaultCertificate", "false", "tls.engine", "jdk")), Clock.systemUTC()).start(x -> req -> req.response().end());
        n.configService().commit(new ConfigChange.Batch(List.of(
                new ConfigChange.PutCertificate("MY", restamp(cert, n)),
                new ConfigChange.PutBinding(new IpPortBinding(IpPort.parse("0.0.0.0:" + port), cert.thumbprint()), ConfigChange.Mode.ADD))),
                ConfigService.ANY_VERSION, "test");
        return n;
    }

    /** The same certificate with its key sealed under this node's master key. */
    static StoredCertificate restamp(StoredCertificate c, FrontendNode n) {
        return c.reseal(TestPki.PROTECTOR, n.protector());
    }
}
