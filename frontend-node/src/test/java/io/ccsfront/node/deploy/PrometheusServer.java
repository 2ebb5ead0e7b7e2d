package io.ccsfront.node.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.node.testing.Await;
import io.ccsfront.node.testing.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's {@code prometheus}) for one test: its own config and
 * storage under a temp folder, loopback only, scraping one target every second as job
 * {@code ccsfront} and evaluating the given rules file every second.
 */
final class PrometheusServer implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final int port;

    private PrometheusServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts Prometheus and returns once it answers /-/ready. */
    static PrometheusServer start(Path binary, Path dir, String job, String target, Map<String, String> targetLabels, Path rules)
            throws IOException {
        int port = FreePorts.next();
        Path config = dir.resolve("prometheus.yml");
        Map<String, Object> yml = Map.of(
                "global", Map.of("scrape_interval", "1s", "scrape_timeout", "1s", "evaluation_interval", "1s"),
                "rule_files", List.of(rules.toString()),
                "scrape_configs", List.of(Map.of("job_name", job, "metrics_path", "/metrics",
                        "static_configs", List.of(Map.of("targets", List.of(target), "labels", targetLabels)))));
        DeployFiles.YAML.writeValue(config.toFile(), yml);
        Path log = dir.resolve("prometheus.log");
        Process p = new ProcessBuilder(binary.toString(), "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=info")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer s = new PrometheusServer(p, log, port);
        try {
            Await.until("Prometheus ready on 127.0.0.1:" + port, Duration.ofSeconds(30), () -> {
                if (!p.isAlive()) {
                    throw new AssertionError("prometheus exited with " + p.exitValue() + ":\n" + s.logTail());
                }
                return s.status("/-/ready") == 200;
            });
        } catch (RuntimeException | AssertionError e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** {@code /api/v1/query} at the current time; the whole answer, whatever its status. */
    JsonNode query(String promql) {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** The result list of a successful instant query (empty when nothing matched). */
    JsonNode result(String promql) {
        JsonNode r = query(promql);
        if (!"success".equals(r.path("status").asText())) {
            throw new AssertionError("query failed: " + promql + "\n" + r);
        }
        return r.path("data").path("result");
    }

    JsonNode get(String pathAndQuery) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return DeployFiles.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + pathAndQuery + ": " + e.getMessage() + "\n" + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The last lines of Prometheus' log, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
