package io.ccsfront.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.cert.PfxExporter;
import io.ccsfront.node.testing.Await;
import io.ccsfront.node.testing.TlsProbe;
import io.ccsfront.testing.TestPki;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

/**
 * The three-node scenario of {@link ClusterProcessTest} in containers, for machines with a
 * Docker engine (skipped cleanly without one — the process test covers the same scenario
 * everywhere): the shaded node jar on eclipse-temurin:17-jre, three containers on one network,
 * a rotation proven by handshakes on every node, a killed node restarting with every
 * acknowledged change, and a full restart keeping the configuration.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerClusterIT {

    static final String TOKEN = "container-test-admin-token-0123456789";
    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    final Network network = Network.newNetwork();
    final List<GenericContainer<?>> nodes = new ArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        for (int i = 1; i <= 3; i++) {
            GenericContainer<?> c = new GenericContainer<>("eclipse-temurin:17-jre")
                    .withNetwork(network).withNetworkAliases("node" + i)
                    .withCopyFileToContainer(MountableFile.forHostPath(Path.of("target/frontend-node.jar")), "/app/frontend-node.jar")
                    .withEnv("CCSFRONT_ADMIN_TOKEN", TOKEN).withEnv("CCSFRONT_MASTERKEY_VALUE", KEY)
                    .withCommand("sh", "-c", "exec java -jar /app/frontend-node.jar --set node.name=node" + i
                            + " --set node.dataDir=/data --set admin.host=0.0.0.0 --set cluster.bindAddress=$(hostname -i)"
                            + " --set cluster.members=node1:5701,node2:5701,node3:5701 --set cluster.initialMembers=3"
                            + " --set ccs.bindPorts=8443 --set listeners.http=")
                    .withExposedPorts(8443, 9090)
                    .waitingFor(Wait.forHttp("/health/ready").forPort(9090).withStartupTimeout(Duration.ofMinutes(3)));
            nodes.add(c);
        }
        nodes.parallelStream().forEach(GenericContainer::start);
    }

    @AfterAll
    void stop() {
        nodes.forEach(GenericContainer::stop);
        network.close();
    }

    int send(int node, String method, String path, JsonObject body) throws Exception {
        GenericContainer<?> c = nodes.get(node - 1);
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://" + c.getHost() + ":" + c.getMappedPort(9090) + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()))
                .build();
        return http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    String served(int node, String sni) {
        GenericContainer<?> c = nodes.get(node - 1);
        return TlsProbe.presented(c.getHost(), c.getMappedPort(8443), sni);
    }

    static JsonObject pfx(TestPki.Issued c) {
        return new JsonObject().put("file", Base64.getEncoder().encodeToString(PfxExporter.export(c.chain(), c.key(), "pw".toCharArray())))
                .put("password", "pw");
    }

    @Test
    void rotationKillAndFullRestart() throws Exception {
        TestPki.Issued old = TestPki.get().leaf("*.tc.test");
        TestPki.Issued neu = TestPki.get().leaf("*.tc.test");
        assertThat(send(1, "PUT", "/admin/v1/ccs/_.tc.test", pfx(old))).isEqualTo(200);
        assertThat(send(2, "POST", "/admin/v1/certificates", pfx(neu).put("store", "MY"))).isIn(200, 201);
        assertThat(send(3, "POST", "/admin/v1/rotate", new JsonObject().put("from", old.stored().thumbprint().hex())
                .put("to", neu.stored().thumbprint().hex()))).isEqualTo(200);
        String newTp = neu.stored().thumbprint().hex();
        for (int i = 1; i <= 3; i++) {
            int n = i;
            Await.until("node " + n + " serves NEW", Duration.ofSeconds(20), () -> served(n, "a.tc.test").equals(newTp));
        }
        GenericContainer<?> third = nodes.get(2);
        third.getDockerClient().killContainerCmd(third.getContainerId()).exec();
        for (int i = 0; i < 5; i++) {
            assertThat(send(1, "PUT", "/admin/v1/ccs/k" + i + ".tc.test", pfx(TestPki.get().leaf("k" + i + ".tc.test")))).isEqualTo(200);
        }
        third.getDockerClient().startContainerCmd(third.getContainerId()).exec();
        Await.until("node 3 back with every change", Duration.ofMinutes(3), () -> served(3, "k4.tc.test").length() == 40);
        for (GenericContainer<?> c : nodes) {
            c.getDockerClient().stopContainerCmd(c.getContainerId()).exec();
        }
        for (GenericContainer<?> c : nodes) {
            c.getDockerClient().startContainerCmd(c.getContainerId()).exec();
        }
        for (int i = 1; i <= 3; i++) {
            int n = i;
            Await.until("node " + n + " restored after a full restart", Duration.ofMinutes(3),
                    () -> served(n, "k2.tc.test").length() == 40 && served(n, "x.tc.test").equals(newTp));
        }
    }
}
