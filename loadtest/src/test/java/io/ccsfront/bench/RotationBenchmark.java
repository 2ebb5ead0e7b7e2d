package io.ccsfront.bench;

import io.ccsfront.cert.PfxExporter;
import io.ccsfront.node.testing.ClusterProcesses;
import io.ccsfront.node.testing.TlsProbe;
import io.ccsfront.testing.TestPki;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cluster-wide rotation under load (docs/BENCHMARKS.md): three node JVMs on 127.0.0.1–3,
 * continuous full handshakes against every node, {@code rotations} rotations of a wildcard CCS
 * certificate through the admin API. For each rotation: the time from the commit being
 * acknowledged to every node serving NEW, measured by real handshakes; over the run, every
 * failed handshake and every handshake that served OLD after its node had served NEW.
 *
 * <pre>mvn -B -q -pl loadtest -am -Protation-benchmark verify -DskipTests -Drotations=100 [-DloadThreadsPerNode=1]</pre>
 *
 * (Not exec:java: ClusterProcesses starts the node JVMs with this JVM's java.class.path, which under
 * exec:java is Maven's own.)
 */
public final class RotationBenchmark {

    private RotationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rotations = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int loadThreadsPerNode = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        try (ClusterProcesses c = new ClusterProcesses(Files.createTempDirectory("ccsfront-rotation-bench"), 3)) {
            c.startAll(Duration.ofSeconds(120));
            check(c.send(1, "POST", "/admin/v1/sslcerts", new JsonObject().put("ccs", Integer.toString(c.httpsPort)).encode()).statusCode(),
                    "ccs binding");
            List<TestPki.Issued> certs = new ArrayList<>();
            for (int i = 0; i <= rotations; i++) {
                certs.add(TestPki.get().leaf("*.rot.bench"));
            }
            check(c.send(1, "PUT", "/admin/v1/ccs/_.rot.bench", pfx(certs.get(0)).encode()).statusCode(), "first certificate");
            // per node: the generation it served last (to detect OLD after NEW) and first time it served each generation
            long[][] firstServed = new long[4][rotations + 1];
            int[] lastGen = new int[4];
            AtomicLong handshakes = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicLong wrong = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            List<String> tps = new ArrayList<>();
            certs.forEach(x -> tps.add(hex(x)));
            List<Thread> load = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            for (int n = 1; n <= 3; n++) {
                for (int t = 0; t < loadThreadsPerNode; t++) {
                    int node = n;
                    Thread th = new Thread(() -> {
                        int k = 0;
                        while (!stop.get() && System.nanoTime() < deadline) {
                            String sni = "h" + (k++ % 50) + ".rot.bench";
                            String tp = TlsProbe.presented(c.ip(node), c.httpsPort, sni);
                            long now = System.nanoTime();
                            handshakes.incrementAndGet();
                            int gen = tps.indexOf(tp);
                            if (gen < 0) {
                                failed.incrementAndGet();
                                System.err.println("node" + node + " " + sni + ": " + tp);
                                continue;
                            }
                            synchronized (firstServed[node]) {
                                if (gen < lastGen[node]) {
                                    wrong.incrementAndGet();
                                } else {
                                    lastGen[node] = gen;
                                }
                                if (firstServed[node][gen] == 0) {
                                    firstServed[node][gen] = now;
                                }
                            }
                        }
                    }, "load-node" + node + "-" + t);
                    th.setDaemon(true);
                    th.start();
                    load.add(th);
                }
            }
            long[] commitAck = new long[rotations + 1];
            AtomicLong importWaits = new AtomicLong();
            AtomicLong importWaitMaxNanos = new AtomicLong();
            List<Double> propagationMs = new ArrayList<>();
            for (int r = 1; r <= rotations; r++) {
                var imported = c.send(1 + r % 3, "POST", "/admin/v1/certificates", pfx(certs.get(r)).put("store", "MY").encode());
                check(imported.statusCode(), "import NEW");
                // the rotation goes to another node than the import: wait until that node has applied the import
                // (the admin API has no read-your-writes across nodes; rotating earlier answers 404 "not found")
                long importVersion = new JsonObject(imported.body()).getLong("version");
                long waitFrom = System.nanoTime();
                boolean behind = false;
                while (new JsonObject(c.get(1 + (r + 1) % 3, "/admin/v1/config/hash").body()).getLong("version") < importVersion) {
                    if (System.nanoTime() - waitFrom > Duration.ofSeconds(10).toNanos()) {
                        throw new IllegalStateException("node " + (1 + (r + 1) % 3) + " did not apply version " + importVersion + " in 10 s");
                    }
                    behind = true;
                    Thread.sleep(1);
                }
                if (behind) {
                    importWaits.incrementAndGet();
                    importWaitMaxNanos.accumulateAndGet(System.nanoTime() - waitFrom, Math::max);
                }
                var resp = c.send(1 + (r + 1) % 3, "POST", "/admin/v1/rotate",
                        new JsonObject().put("from", tps.get(r - 1)).put("to", tps.get(r)).encode());
                commitAck[r] = System.nanoTime();
                check(resp.statusCode(), "rotate " + r + ": " + resp.body());
                int gen = r;
                long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < waitUntil) {
                    boolean all = true;
                    for (int n = 1; n <= 3; n++) {
                        synchronized (firstServed[n]) {
                            all &= firstServed[n][gen] != 0;
                        }
                    }
                    if (all) {
                        break;
                    }
                    Thread.sleep(1);
                }
                long last = 0;
                for (int n = 1; n <= 3; n++) {
                    synchronized (firstServed[n]) {
                        last = Math.max(last, firstServed[n][gen] == 0 ? Long.MAX_VALUE : firstServed[n][gen]);
                    }
                }
                propagationMs.add(last == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : Math.max(0, (last - commitAck[r]) / 1e6));
            }
            stop.set(true);
            for (Thread t : load) {
                t.join(10_000);
            }
            List<Double> sorted = new ArrayList<>(propagationMs);
            Collections.sort(sorted);
            System.out.printf("rotations=%d handshakes=%d failed=%d wrongAfterNew=%d%n", rotations, handshakes.get(), failed.get(), wrong.get());
            System.out.printf("commit->all nodes serve NEW (ms): median=%.1f p90=%.1f p99=%.1f max=%.1f%n",
                    pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1));
            System.out.printf("rotating node had not yet applied the import when asked in %d of %d rotations, longest wait %.1f ms%n",
                    importWaits.get(), rotations, importWaitMaxNanos.get() / 1e6);
        }
    }

    static double pct(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static JsonObject pfx(TestPki.Issued c) {
        return new JsonObject().put("file", Base64.getEncoder().encodeToString(PfxExporter.export(c.chain(), c.key(), "pw".toCharArray())))
                .put("password", "pw");
    }

    static String hex(TestPki.Issued c) {
        return c.stored().thumbprint().hex();
    }

    static void check(int status, String what) {
        if (status < 200 || status >= 300) {
            throw new IllegalStateException(what + " failed with HTTP " + status);
        }
    }
}
