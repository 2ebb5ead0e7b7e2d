package io.ccsfront.node.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.buffer.Buffer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 200 MB each way through a proxy running in a child JVM with {@code -Xmx256m}: the bodies are
 * streamed with back-pressure, never held whole (the heap could not hold them, and direct
 * memory defaults to the same limit). Bytes come from a counter ({@link Pattern}), are counted
 * and CRC-checked at the far end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyStreamingTest {

    private static final long SIZE = 200L * 1024 * 1024;

    private Vertx vertx;
    private Process child;
    private int proxyPort;
    private final BlockingQueue<String> childLines = new LinkedBlockingQueue<>();

    @BeforeAll
    void start() throws Exception {
        ProxyFixture.quietLogs();
        vertx = Vertx.vertx();
        HttpServer worker = ProxyFixture.await(vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::work).listen());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ProxyChildMain.class.getName(), "http://127.0.0.1:" + worker.actualPort())
                .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    childLines.add(line);
                }
            } catch (IOException e) {
                childLines.add("READ FAILED " + e);
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        proxyPort = Integer.parseInt(childLine("PORT ").substring(5));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (child != null) {
                child.getOutputStream().close();
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            if (child != null && child.isAlive()) {
                child.destroyForcibly();
            }
            ProxyFixture.await(vertx.close());
        }
    }

    /** The next child output line starting with {@code prefix}; other lines are echoed; bounded wait. */
    private String childLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = childLines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line != null) {
                System.out.println("child: " + line);
            }
            if (line == null && !child.isAlive()) {
                throw new AssertionError("the proxy child exited with " + child.exitValue());
            }
        }
        throw new AssertionError("no '" + prefix + "' line from the proxy child in 60 s");
    }

    private List<Long> childMemory() throws Exception {
        PrintWriter w = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
        w.println("stats");
        String[] f = childLine("STATS ").split(" ");
        return List.of(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
    }

    /** The web worker: /upload counts and checksums what it receives; /download sends SIZE pattern bytes. */
    private void work(HttpServerRequest req) {
        if (req.path().equals("/upload")) {
            CRC32 crc = new CRC32();
            long[] n = {0};
            req.handler(b -> {
                n[0] += b.length();
                crc.update(b.getBytes());
            });
            req.endHandler(v -> req.response().end(n[0] + " " + crc.getValue()));
        } else {
            HttpServerResponse resp = req.response().putHeader("Content-Length", Long.toString(SIZE));
            pump(resp, new long[] {0});
        }
    }

    private static void pump(HttpServerResponse resp, long[] sent) {
        while (!resp.writeQueueFull() && sent[0] < SIZE) {
            byte[] chunk = new byte[(int) Math.min(Pattern.CHUNK, SIZE - sent[0])]; // Buffer.buffer(byte[]) may wrap: one array per write
            int n = Pattern.fill(chunk, sent[0], SIZE);
            resp.write(Buffer.buffer(chunk));
            sent[0] += n;
        }
        if (sent[0] >= SIZE) {
            resp.end();
        } else {
            resp.drainHandler(v -> pump(resp, sent));
        }
    }

    @Test
    void twoHundredMegabyteUploadStreamsThroughAProxyWithA256MegabyteHeap() throws Exception {
        long t0 = System.nanoTime();
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + proxyPort + "/upload").openConnection();
        c.setConnectTimeout(10_000);
        c.setReadTimeout(120_000);
        c.setDoOutput(true);
        c.setRequestMethod("POST");
        c.setFixedLengthStreamingMode(SIZE);
        CRC32 crc = new CRC32();
        byte[] chunk = new byte[Pattern.CHUNK];
        try (OutputStream out = c.getOutputStream()) {
            for (long off = 0; off < SIZE; ) {
                int n = Pattern.fill(chunk, off, SIZE);
                crc.update(chunk, 0, n);
                out.write(chunk, 0, n);
                off += n;
            }
        }
        assertThat(c.getResponseCode()).isEqualTo(200);
        String answer;
        try (InputStream in = c.getInputStream()) {
            answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(answer).isEqualTo(SIZE + " " + crc.getValue());
        List<Long> mem = childMemory();
        System.out.println("MEASURED upload " + (SIZE >> 20) + " MB through the proxy in " + ms + " ms; child peak heap "
                + mem.get(0) + " MB (" + mem.get(3) + " MB after GC), peak Netty direct " + mem.get(1) + " MB, max heap " + mem.get(2) + " MB");
        assertThat(mem.get(2)).as("the child really runs with -Xmx256m").isLessThanOrEqualTo(256);
    }

    @Test
    void twoHundredMegabyteDownloadStreamsThroughAProxyWithA256MegabyteHeap() throws Exception {
        long expectedCrc = Pattern.crc(SIZE);
        long t0 = System.nanoTime();
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + proxyPort + "/download").openConnection();
        c.setConnectTimeout(10_000);
        c.setReadTimeout(120_000);
        assertThat(c.getResponseCode()).isEqualTo(200);
        assertThat(c.getHeaderFieldLong("Content-Length", -1)).isEqualTo(SIZE);
        CRC32 crc = new CRC32();
        long n = 0;
        byte[] buf = new byte[Pattern.CHUNK];
        try (InputStream in = c.getInputStream()) {
            for (int r; (r = in.read(buf)) > 0; ) {
                crc.update(buf, 0, r);
                n += r;
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(n).isEqualTo(SIZE);
        assertThat(crc.getValue()).isEqualTo(expectedCrc);
        List<Long> mem = childMemory();
        System.out.println("MEASURED download " + (SIZE >> 20) + " MB through the proxy in " + ms + " ms; child peak heap "
                + mem.get(0) + " MB (" + mem.get(3) + " MB after GC), peak Netty direct " + mem.get(1) + " MB, max heap " + mem.get(2) + " MB");
    }
}
