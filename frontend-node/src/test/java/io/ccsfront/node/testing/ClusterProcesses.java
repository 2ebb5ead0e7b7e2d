package io.ccsfront.node.testing;


import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Real node JVMs for fault tests (kill -9, full-cluster restart): node i runs
 * {@code io.ccsfront.node.Main} in its own process on 127.0.0.i (cluster member, HTTPS listener
 * and admin API on that address), with its own data folder. Talks to them only through their
 * admin API and real TLS handshakes. Output goes to {@code <dir>/node<i>.log}.
 */
public final class ClusterProcesses implements AutoCloseable {

    public static final String TOKEN = "process-test-admin-token-0123456789";
    private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    public final int size;
    public final Path dir;
    public final int clusterPort = FreePorts.next();
    public final int httpsPort = FreePorts.next();
    public final int adminPort = FreePorts.next();
    private final Process[] processes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ClusterProcesses(Path dir, int size) {
        this.dir = dir;
        this.size = size;
        this.processes = new Process[size + 1];
    }

    public String ip(int i) {
        return "127.0.0." + i;
    }

    public String admin(int i) {
        return "http://" + ip(i) + ":" + adminPort;
    }

    /** Starts node i (not waiting for readiness). */
    public void start(int i) throws IOException {
        List<String> members = new ArrayList<>();
        for (int k = 1; k <= size; k++) {
            members.add(ip(k) + ":" + clusterPort);
        }
        Map<String, String> o = new TreeMap<>();
        o.put("node.name", "node" + i);
        o.put("node.dataDir", dir.resolve("node" + i).toString());
        o.put("listeners.https", ip(i) + ":" + httpsPort);
        o.put("listeners.http", "");
        o.put("admin.host", ip(i));
        o.put("admin.port", Integer.toString(adminPort));
        o.put("cluster.enabled", "true");
        o.put("cluster.bindAddress", ip(i));
        o.put("cluster.port", Integer.toString(clusterPort));
        o.put("cluster.members", String.join(",", members));
        o.put("cluster.initialMembers", Integer.toString(size));
        o.put("cluster.joinTimeout", "20s");
        o.put("shutdown.drainTimeout", "1s");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "io.ccsfront.node.Main"));
        o.forEach((k, v) -> {
            cmd.add("--set");
            cmd.add(k + "=" + v);
        });
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node" + i + ".log").toFile()));
        pb.environment().put("CCSFRONT_ADMIN_TOKEN", TOKEN);
        pb.environment().put("CCSFRONT_MASTERKEY_VALUE", MASTER_KEY);
        Files.createDirectories(dir);
        processes[i] = pb.start();
    }

    /** Starts every node and waits until all are ready. */
    public ClusterProcesses startAll(Duration max) throws IOException {
        for (int i = 1; i <= size; i++) {
            start(i);
        }
        for (int i = 1; i <= size; i++) {
            awaitReady(i, max);
        }
        return this;
    }

    public void awaitReady(int i, Duration max) {
        Await.until("node " + i + " ready (see " + dir.resolve("node" + i + ".log") + ")", max, () -> {
            if (processes[i] != null && !processes[i].isAlive()) {
                throw new AssertionError("node " + i + " exited with " + processes[i].exitValue() + "; see " + dir.resolve("node" + i + ".log"));
            }
            return get(i, "/health/ready").statusCode() == 200;
        });
    }

    /** kill -9. */
    public void kill(int i) throws InterruptedException {
        processes[i].destroyForcibly().waitFor();
    }

    /** SIGTERM: the node drains and leaves the cluster. */
    public void stop(int i) throws InterruptedException {
        processes[i].destroy();
        if (!processes[i].waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            processes[i].destroyForcibly().waitFor();
        }
    }

    public boolean alive(int i) {
        return processes[i] != null && processes[i].isAlive();
    }

    public HttpResponse<String> get(int i, String path) {
        return send(i, HttpRequest.newBuilder(URI.create(admin(i) + path)).GET());
    }

    public HttpResponse<String> send(int i, String method, String path, String json) {
        return send(i, HttpRequest.newBuilder(URI.create(admin(i) + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(int i, HttpRequest.Builder b) {
        try {
            return http.send(b.header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(new IOException(e));
        }
    }

    @Override
    public void close() {
        for (int i = 1; i <= size; i++) {
            if (processes[i] != null) {
                processes[i].destroyForcibly();
            }
        }
    }

    /** A response for a request that failed to connect (status 0). */
    private record Failed(IOException error) implements HttpResponse<String> {
        public int statusCode() {
            return 0;
        }

        public HttpRequest request() {
            return null;
        }

        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
        }

        public String body() {
            return error.toString();
        }

        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        public URI uri() {
            return null;
        }

        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

}
