package io.ccsfront.node.testing;

import io.ccsfront.node.FrontendNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Several real nodes with real Hazelcast members in this JVM, node i on 127.0.0.i (cluster port,
 * HTTPS listener and admin listener on that address), for replication tests that need no
 * process boundary. Fault tests use separate JVMs ({@code ClusterProcesses}).
 */
public final class InProcessCluster implements AutoCloseable {

    public final int clusterPort = FreePorts.next();
    public final int httpsPort = FreePorts.next();
    private final Path dir;
    private final int size;
    private final Map<String, String> extra;
    public final List<FrontendNode> nodes = new ArrayList<>();

    public InProcessCluster(Path dir, int size, Map<String, String> extra) {
        this.dir = dir;
        this.size = size;
        this.extra = extra;
    }

    public String members() {
        List<String> m = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            m.add("127.0.0." + i + ":" + clusterPort);
        }
        return String.join(",", m);
    }

    public Map<String, String> options(int i) {
        Map<String, String> m = new java.util.HashMap<>(Map.of(
                "node.name", "node" + i,
                "cluster.enabled", "true",
                "cluster.bindAddress", "127.0.0." + i,
                "cluster.port", Integer.toString(clusterPort),
                "cluster.members", members(),
                "listeners.https", "127.0.0." + i + ":" + httpsPort,
                "admin.host", "127.0.0." + i,
                "admin.token", "test-admin-token-0123456789",
                "masterKey.value", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
        m.putAll(extra);
        return m;
    }

    /** Starts nodes 1..n in parallel (they wait for each other) and returns when all are ready. */
    public InProcessCluster start(int n) {
        List<CompletableFuture<FrontendNode>> starting = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            int k = i;
            starting.add(CompletableFuture.supplyAsync(() -> startNode(k, Map.of("cluster.initialMembers", Integer.toString(n)))));
        }
        starting.forEach(f -> nodes.add(f.join()));
        return this;
    }

    public FrontendNode startNode(int i, Map<String, String> more) {
        Map<String, String> o = options(i);
        o.putAll(more);
        return TestNodes.start(TestNodes.config(dir.resolve("node" + i), o));
    }

    public FrontendNode node(int i) {
        return nodes.get(i - 1);
    }

    @Override
    public void close() {
        nodes.parallelStream().forEach(FrontendNode::close);
    }
}
