package io.ccsfront.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.cert.PfxExporter;
import io.ccsfront.node.testing.Await;
import io.ccsfront.node.testing.ClusterProcesses;
import io.ccsfront.node.testing.TlsProbe;
import io.ccsfront.testing.TestPki;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three node JVMs on 127.0.0.1–3 (plain processes; the same scenario runs in containers where a
 * Docker engine exists): rotation under load, kill -9 during a stream of changes, and a
 * full-cluster restart. Driven only through the admin API and real TLS handshakes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterProcessTest {

    static final Duration START = Duration.ofSeconds(120);
    ClusterProcesses cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = new ClusterProcesses(Files.createTempDirectory("ccsfront-processes"), 3).startAll(START);
        JsonObject ccs = new JsonObject().put("ccs", Integer.toString(cluster.httpsPort));
        int status = cluster.send(1, "POST", "/admin/v1/sslcerts", ccs.encode()).statusCode();
        assertThat(status).as("ccs= binding").isIn(200, 201, 409);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    int post(int node, String method, String path, JsonObject body) {
        return cluster.send(node, method, path, body == null ? null : body.encode()).statusCode();
    }

    static JsonObject pfx(TestPki.Issued c) {
        return new JsonObject().put("file", Base64.getEncoder().encodeToString(PfxExporter.export(c.chain(), c.key(), "pw".toCharArray())))
                .put("password", "pw");
    }

    String served(int node, String sni) {
        return TlsProbe.presented(cluster.ip(node), cluster.httpsPort, sni);
    }

    String hash(int node) {
        var r = cluster.get(node, "/admin/v1/config/hash");
        return r.statusCode() == 200 ? new JsonObject(r.body()).getString("contentHash") : "unreachable";
    }

    @Test
    @Order(1)
    void rotationUnderLoadIsServedByEveryNodeWithoutAFailedOrWrongHandshake() throws Exception {
        TestPki.Issued old = TestPki.get().leaf("*.proc.test");
        TestPki.Issued neu = TestPki.get().leaf("*.proc.test");
        String oldTp = old.stored().thumbprint().hex();
        String newTp = neu.stored().thumbprint().hex();
        assertThat(post(1, "PUT", "/admin/v1/ccs/_.proc.test", pfx(old))).isEqualTo(200);
        for (int i = 1; i <= 3; i++) {
            int n = i;
            Await.until("node " + n + " serves OLD", Duration.ofSeconds(15), () -> served(n, "shop.proc.test").equals(oldTp));
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        AtomicInteger handshakes = new AtomicInteger();
        boolean[] sawNew = new boolean[4];
        List<Thread> load = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!stop.get() && System.nanoTime() < deadline) {
                    String tp = served(n, "shop.proc.test");
                    handshakes.incrementAndGet();
                    if (tp.equals(newTp)) {
                        sawNew[n] = true;
                    } else if (tp.equals(oldTp)) {
                        if (sawNew[n]) {
                            wrong.incrementAndGet();
                        }
                    } else {
                        failed.incrementAndGet();
                    }
                }
            }, "load-node" + n);
            t.start();
            load.add(t);
        }
        try {
            Await.until("load running", Duration.ofSeconds(10), () -> handshakes.get() > 30);
            JsonObject imported = pfx(neu).put("store", "MY");
            assertThat(post(2, "POST", "/admin/v1/certificates", imported)).isIn(200, 201);
            assertThat(post(2, "POST", "/admin/v1/rotate", new JsonObject().put("from", oldTp).put("to", newTp))).isEqualTo(200);
            Await.until("every node serves NEW under load", Duration.ofSeconds(15), () -> sawNew[1] && sawNew[2] && sawNew[3]);
        } finally {
            stop.set(true);
            for (Thread t : load) {
                t.join(10_000);
            }
        }
        assertThat(failed.get()).as("failed handshakes during the rotation").isZero();
        assertThat(wrong.get()).as("OLD served after NEW").isZero();
        assertThat(handshakes.get()).isGreaterThan(30);
    }

    @Test
    @Order(2)
    void killedNodeComesBackWithEveryAcknowledgedChange() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i == 10) {
                cluster.kill(3);
            }
            TestPki.Issued c = TestPki.get().leaf("k" + i + ".kill.test");
            if (post(1, "PUT", "/admin/v1/ccs/k" + i + ".kill.test", pfx(c)) == 200) {
                acknowledged.add("k" + i + ".kill.test");
            }
            if (i == 20) {
                assertThat(served(2, "k15.kill.test")).as("the others keep serving").hasSize(40);
            }
        }
        assertThat(acknowledged).hasSize(30);
        cluster.start(3);
        cluster.awaitReady(3, START);
        Await.until("node 3 caught up", Duration.ofSeconds(30), () -> hash(3).equals(hash(1)));
        String ccs = cluster.get(3, "/admin/v1/ccs").body();
        for (String key : acknowledged) {
            assertThat(ccs).contains(key);
        }
        assertThat(served(3, "k29.kill.test")).hasSize(40);
    }

    @Test
    @Order(3)
    void fullClusterRestartRestoresTheIdenticalConfiguration() throws Exception {
        Await.until("all nodes agree", Duration.ofSeconds(30), () -> hash(1).equals(hash(2)) && hash(2).equals(hash(3)));
        String before = hash(1);
        for (int i = 1; i <= 3; i++) {
            cluster.stop(i);
        }
        for (int i = 1; i <= 3; i++) {
            cluster.start(i);
        }
        for (int i = 1; i <= 3; i++) {
            cluster.awaitReady(i, START);
        }
        for (int i = 1; i <= 3; i++) {
            int n = i;
            Await.until("node " + n + " restored", Duration.ofSeconds(30), () -> hash(n).equals(before));
        }
        assertThat(served(2, "k5.kill.test")).hasSize(40);
    }
}
