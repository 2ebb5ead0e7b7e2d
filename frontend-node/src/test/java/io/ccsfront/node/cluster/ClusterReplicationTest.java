package io.ccsfront.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigChange.Mode;
import io.ccsfront.config.ConfigException;
import io.ccsfront.node.FrontendNode;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.node.testing.Await;
import io.ccsfront.node.testing.InProcessCluster;
import io.ccsfront.node.testing.TlsProbe;
import io.ccsfront.store.ConfigCodec;
import io.ccsfront.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Three real nodes with real Hazelcast members on 127.0.0.1-3: changes made anywhere are served everywhere. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterReplicationTest {

    InProcessCluster cluster;
    Path dir;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("ccsfront-cluster");
        cluster = new InProcessCluster(dir, 3, Map.of()).start(3);
        FrontendNode n1 = cluster.node(1);
        TestPki.Issued def = TestPki.get().leaf("default.example");
        n1.configService().commit(new ConfigChange.Batch(List.of(
                new ConfigChange.PutCertificate("MY", def.stored(n1.protector())),
                new ConfigChange.PutBinding(new IpPortBinding(IpPort.parse("0.0.0.0:" + cluster.httpsPort), def.stored().thumbprint()), Mode.ADD),
                new ConfigChange.PutBinding(new CcsBinding(cluster.httpsPort), Mode.ADD))), ConfigService.ANY_VERSION, "test");
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    String served(int node, String sni) {
        return TlsProbe.presented("127.0.0." + node, cluster.httpsPort, sni);
    }

    @Test
    void changeCommittedOnOneNodeIsServedByEveryNode() {
        FrontendNode n2 = cluster.node(2);
        TestPki.Issued www = TestPki.get().leaf("www.replicated.example");
        n2.configService().commit(new ConfigChange.PutCcs("www.replicated.example", www.stored(n2.protector())),
                ConfigService.ANY_VERSION, "test");
        String tp = www.stored().thumbprint().hex();
        for (int i = 1; i <= 3; i++) {
            int node = i;
            Await.until("node " + node + " serves the new CCS certificate", Duration.ofSeconds(10),
                    () -> served(node, "www.replicated.example").equals(tp));
        }
        long v = n2.configService().current().version();
        Await.until("all nodes at version " + v, Duration.ofSeconds(10),
                () -> cluster.nodes.stream().allMatch(n -> n.configService().current().version() >= v));
        assertThat(cluster.nodes.stream().map(n -> ConfigCodec.contentHash(n.configService().current())).distinct()).hasSize(1);
    }

    @Test
    void staleVersionIsRefusedNotMerged() {
        FrontendNode n1 = cluster.node(1);
        FrontendNode n3 = cluster.node(3);
        long base = n1.configService().current().version();
        TestPki.Issued a = TestPki.get().leaf("a.stale.example");
        TestPki.Issued b = TestPki.get().leaf("b.stale.example");
        n1.configService().commit(new ConfigChange.PutCcs("a.stale.example", a.stored(n1.protector())), base, "first");
        assertThatThrownBy(() -> n3.configService().commit(new ConfigChange.PutCcs("b.stale.example", b.stored(n3.protector())), base, "second"))
                .isInstanceOf(ConfigException.StaleVersion.class)
                .hasMessageContaining("configuration changed since version " + base);
        assertThat(n3.configService().current().ccs("b.stale.example")).isNull();
    }

    @Test
    void rotationReplacesOldEverywhereAndKeepsOpenConnections() throws Exception {
        FrontendNode n1 = cluster.node(1);
        TestPki.Issued old = TestPki.get().leaf("*.rotate.example");
        TestPki.Issued neu = TestPki.get().leaf("*.rotate.example");
        n1.configService().commit(new ConfigChange.Batch(List.of(
                new ConfigChange.PutCcs("_.rotate.example", old.stored(n1.protector())),
                new ConfigChange.PutCcs("shop.rotate.example", old.stored(n1.protector())))), ConfigService.ANY_VERSION, "test");
        String oldTp = old.stored().thumbprint().hex();
        String newTp = neu.stored().thumbprint().hex();
        Await.until("node 3 serves OLD", Duration.ofSeconds(10), () -> served(3, "a.rotate.example").equals(oldTp));
        try (TlsProbe open = TlsProbe.connect("127.0.0.3", cluster.httpsPort, "shop.rotate.example")) {
            assertThat(open.get("shop.rotate.example", "/")).startsWith("HTTP/1.1 200");
            cluster.node(2).configService().commit(new ConfigChange.Rotate(old.stored().thumbprint(), neu.stored(cluster.node(2).protector())),
                    ConfigService.ANY_VERSION, "test");
            for (int i = 1; i <= 3; i++) {
                int node = i;
                Await.until("node " + node + " serves NEW", Duration.ofSeconds(10),
                        () -> served(node, "a.rotate.example").equals(newTp) && served(node, "shop.rotate.example").equals(newTp));
            }
            assertThat(open.get("shop.rotate.example", "/")).as("the established connection keeps working").startsWith("HTTP/1.1 200");
            assertThat(open.thumbprint.hex()).isEqualTo(oldTp);
        }
    }

    @Test
    void sessionResumesOnAnotherNodeUntilItsCertificateIsRotated() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.ccsfront.node.testing.OpenSslClient.available(), "openssl is installed by .ci/run");
        FrontendNode n1 = cluster.node(1);
        TestPki.Issued old = TestPki.get().leaf("resume.example");
        TestPki.Issued neu = TestPki.get().leaf("resume.example");
        n1.configService().commit(new ConfigChange.PutCcs("resume.example", old.stored(n1.protector())), ConfigService.ANY_VERSION, "test");
        String oldTp = old.stored().thumbprint().hex();
        Await.until("every node serves resume.example", Duration.ofSeconds(10),
                () -> served(2, "resume.example").equals(oldTp) && served(3, "resume.example").equals(oldTp));
        Path session = dir.resolve("session.pem");
        String first = io.ccsfront.node.testing.OpenSslClient.connect("127.0.0.1", cluster.httpsPort, "resume.example", session, false);
        assertThat(first).contains("New, TLSv1.3");
        String resumed = io.ccsfront.node.testing.OpenSslClient.connect("127.0.0.2", cluster.httpsPort, "resume.example", session, true);
        assertThat(resumed).as("a ticket from node 1 resumes on node 2").contains("Reused, TLSv1.3");

        cluster.node(3).configService().commit(new ConfigChange.Rotate(old.stored().thumbprint(), neu.stored(n1.protector())),
                ConfigService.ANY_VERSION, "test");
        long v = cluster.node(3).configService().current().version();
        Await.until("all nodes applied the rotation", Duration.ofSeconds(10),
                () -> cluster.nodes.stream().allMatch(n -> n.configService().current().version() >= v));
        for (int i = 1; i <= 3; i++) {
            String after = io.ccsfront.node.testing.OpenSslClient.connect("127.0.0." + i, cluster.httpsPort, "resume.example", session, true);
            assertThat(after).as("node " + i + " refuses the session established under OLD").contains("New, TLSv1.3")
                    .doesNotContain("Reused");
        }
    }

    @Test
    void memberWithAnotherClusterNameIsRefused() {
        FrontendNode intruder = cluster.startNode(4, Map.of("cluster.name", "not-ccsfront", "cluster.bindAddress", "127.0.0.4",
                "listeners.https", "127.0.0.4:" + cluster.httpsPort, "admin.host", "127.0.0.4", "cluster.joinTimeout", "2s"));
        try {
            assertThat(intruder.clusterView().members()).hasSize(1);
            assertThat(intruder.configService().current().version()).isEqualTo(0);
            assertThat(cluster.node(1).clusterView().members()).extracting(ClusterView.Member::name)
                    .containsExactly("node1", "node2", "node3");
        } finally {
            intruder.close();
        }
    }

    @Test
    void lateJoinerGetsTheCurrentState() throws Exception {
        try (InProcessCluster extra = new InProcessCluster(dir.resolve("late"), 2, Map.of())) {
            extra.start(1);
            FrontendNode first = extra.node(1);
            for (int i = 0; i < 5; i++) {
                TestPki.Issued c = TestPki.get().leaf("late" + i + ".example");
                first.configService().commit(new ConfigChange.PutCcs("late" + i + ".example", c.stored(first.protector())),
                        ConfigService.ANY_VERSION, "test");
            }
            extra.nodes.add(extra.startNode(2, Map.of()));
            FrontendNode second = extra.node(2);
            Await.until("late joiner caught up", Duration.ofSeconds(10),
                    () -> second.configService().current().version() == first.configService().current().version());
            assertThat(ConfigCodec.contentHash(second.configService().current()))
                    .isEqualTo(ConfigCodec.contentHash(first.configService().current()));
        }
    }
}
