package io.ccsfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.cert.PfxExporter;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.node.FrontendNode;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.node.testing.Await;
import io.ccsfront.node.testing.InProcessCluster;
import io.ccsfront.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ccsctl against a real three-node cluster: cluster status lists every member; rotate proves NEW on every member. */
class CcsctlClusterTest {

    @TempDir
    Path dir;

    @Test
    void clusterStatusAndRotationProofCoverEveryMember() throws Exception {
        try (InProcessCluster cluster = new InProcessCluster(dir.resolve("cluster"), 3, Map.of("tls.defaultCertificate", "true")).start(3)) {
            FrontendNode n1 = cluster.node(1);
            TestPki.Issued old = TestPki.get().leaf("*.cli-cluster.test");
            TestPki.Issued neu = TestPki.get().leaf("*.cli-cluster.test");
            n1.configService().commit(new ConfigChange.Batch(List.of(
                    new ConfigChange.PutBinding(new CcsBinding(cluster.httpsPort), ConfigChange.Mode.ADD),
                    new ConfigChange.PutCcs("_.cli-cluster.test", old.stored(n1.protector())))), ConfigService.ANY_VERSION, "test");
            long v = n1.configService().current().version();
            Await.until("replicated", Duration.ofSeconds(10), () -> cluster.nodes.stream().allMatch(n -> n.configService().current().version() == v));
            Path token = Files.writeString(dir.resolve("token"), "test-admin-token-0123456789\n");
            Path pw = Files.writeString(dir.resolve("pw"), "pw\n");
            Path pfx = dir.resolve("new.pfx");
            Files.write(pfx, PfxExporter.export(neu.chain(), neu.key(), "pw".toCharArray()));

            CliNode.Result status = CliNode.runRaw("--server", "http://127.0.0.1:" + n1.adminPort(), "--token-file", token.toString(),
                    "cluster", "status");
            assertThat(status.code()).as(status.toString()).isZero();
            assertThat(status.out()).contains("node1", "node2", "node3");

            CliNode.Result imported = CliNode.runRaw("--server", "http://127.0.0.2:" + cluster.node(2).adminPort(), "--token-file",
                    token.toString(), "cert", "import", pfx.toString(), "--password-file", pw.toString());
            assertThat(imported.code()).as(imported.toString()).isZero();
            CliNode.Result rotate = CliNode.runRaw("--server", "http://127.0.0.3:" + cluster.node(3).adminPort(), "--token-file",
                    token.toString(), "rotate", "--from", old.stored().thumbprint().hex(), "--to", neu.stored().thumbprint().hex(),
                    "--wait", "20");
            assertThat(rotate.code()).as(rotate.toString()).isZero();
            assertThat(rotate.out()).contains("node1", "node2", "node3");
        }
    }
}
