package io.ccsfront.bench.scale;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Puts the generated data ({@link CertGen}) into a running node or cluster through the admin API
 * (docs/ADMIN.md): waits until the CCS folder import has committed every CCS hostname, imports the
 * SNI certificates into {@code MY} and binds each as {@code hostnameport=<host>:<port>}, adds the
 * sites (per worker {@code w<j>}: {@code w<j>-ccs} with its CCS hostnames, {@code w<j>-sni} with
 * its SNI hostnames) and the rotation site {@code rot} (hostnames {@code h0…h49.rot.bench.test},
 * CCS wildcard entry {@code _.rot.bench.test}). Safe to run again: what exists is kept.
 *
 * <pre>Setup --data DIR --admin http://127.0.0.1:19090[,http://127.0.0.2:19090…] --token T --https-port 18443 --worker-base-port 18100</pre>
 */
public final class Setup {

    static final String APPID = "{4dc3e181-e14b-4a21-b022-59fc669b0914}";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final java.util.concurrent.atomic.AtomicLong stale = new java.util.concurrent.atomic.AtomicLong();
    private final List<String> admins;
    private final String token;

    Setup(List<String> admins, String token) {
        this.admins = admins;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(CertGen.arg(args, "--data", "target/ccsfront-bench/data"));
        List<String> admins = List.of(CertGen.arg(args, "--admin", "http://127.0.0.1:19090").split(","));
        String token = CertGen.arg(args, "--token", System.getenv().getOrDefault("CCSFRONT_ADMIN_TOKEN", ""));
        int port = Integer.parseInt(CertGen.arg(args, "--https-port", "18443"));
        int workerBase = Integer.parseInt(CertGen.arg(args, "--worker-base-port", "18100"));
        int threads = Integer.parseInt(CertGen.arg(args, "--threads", "3"));
        Setup s = new Setup(admins, token);
        var props = new java.util.Properties();
        try (var r = Files.newBufferedReader(data.resolve("generated.properties"))) {
            props.load(r);
        }
        int ccs = Integer.parseInt(props.getProperty("ccs"));
        int sni = Integer.parseInt(props.getProperty("sni"));
        int sites = Integer.parseInt(props.getProperty("sites"));

        long t0 = System.nanoTime();
        if (ccs > 0) {
            // the folder watcher commits in sorted key order: the largest key arrives last
            String last = null;
            for (int i = 0; i < ccs; i++) {
                String h = CertGen.ccsHost(i);
                if (last == null || h.compareTo(last) > 0) {
                    last = h;
                }
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (s.send(0, "GET", "/admin/v1/ccs/" + last, null).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("CCS folder import did not finish in 30 minutes");
                }
                Thread.sleep(500);
            }
            System.out.printf("CCS folder import visible through the admin API (%d hostnames) after %.1f s of waiting%n", ccs,
                    (System.nanoTime() - t0) / 1e9);
        }

        long t1 = System.nanoTime();
        Set<String> bound = new HashSet<>();
        JsonArray existing = new JsonObject(s.ok(s.send(0, "GET", "/admin/v1/sslcerts", null), "list sslcerts")).getJsonArray("bindings",
                new JsonArray());
        for (int i = 0; i < existing.size(); i++) {
            bound.add(String.valueOf(existing.getJsonObject(i).getValue("hostnameport")));
        }
        List<Path> pems;
        try (Stream<Path> files = Files.list(data.resolve("sni"))) {
            pems = files.filter(p -> p.toString().endsWith(".pem")).sorted().toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "setup");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger added = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = thread; i < pems.size(); i += threads) {
                    Path pem = pems.get(i);
                    String host = pem.getFileName().toString().replaceFirst("\\.pem$", "");
                    if (bound.contains(host + ":" + port)) {
                        continue;
                    }
                    int node = i % s.admins.size();
                    JsonObject imp = new JsonObject().put("file", Base64.getEncoder().encodeToString(Files.readAllBytes(pem)))
                            .put("store", "MY").put("fileName", host + ".pem");
                    String tp = new JsonObject(s.ok(s.send(node, "POST", "/admin/v1/certificates", imp.encode()), "import " + host))
                            .getString("thumbprint");
                    JsonObject b = new JsonObject().put("hostnameport", host + ":" + port).put("certhash", tp)
                            .put("certstorename", "MY").put("appid", APPID);
                    HttpResponse<String> r = s.send(node, "POST", "/admin/v1/sslcerts", b.encode());
                    if (r.statusCode() != 409) {
                        s.ok(r, "bind " + host);
                    }
                    added.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("SNI: %d certificates imported and bound as hostnameport (of %d) in %.1f s with %d client threads"
                + " (%d answers 412 stale_version, retried)%n", added.get(), sni, (System.nanoTime() - t1) / 1e9, threads, s.stale.get());

        long t2 = System.nanoTime();
        int sitesAdded = 0;
        for (int j = 0; j < sites; j++) {
            String worker = "http://127.0.0.1:" + (workerBase + j);
            List<String> ccsHosts = new ArrayList<>();
            for (int i = j; i < ccs; i += sites) {
                ccsHosts.add(CertGen.ccsHost(i));
            }
            List<String> sniHosts = new ArrayList<>();
            for (int i = j; i < sni; i += sites) {
                sniHosts.add(CertGen.sniHost(i));
            }
            sitesAdded += s.site("w" + j + "-ccs", ccsHosts, port, true, worker);
            sitesAdded += s.site("w" + j + "-sni", sniHosts, port, false, worker);
        }
        // the rotation site: 50 names under one wildcard CCS entry
        if (s.send(0, "GET", "/admin/v1/ccs/_.rot.bench.test", null).statusCode() == 404) {
            JsonObject put = new JsonObject().put("file", Base64.getEncoder().encodeToString(
                    new CertGen().issuePem("*.rot.bench.test").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            s.ok(s.send(0, "PUT", "/admin/v1/ccs/_.rot.bench.test", put.encode()), "rotation CCS entry");
        }
        List<String> rot = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rot.add("h" + i + ".rot.bench.test");
        }
        sitesAdded += s.site("rot", rot, port, true, "http://127.0.0.1:" + (workerBase + sites));
        System.out.printf("sites: %d added in %.1f s; configuration version %s%n", sitesAdded, (System.nanoTime() - t2) / 1e9,
                new JsonObject(s.ok(s.send(0, "GET", "/admin/v1/node", null), "node")).getValue("configVersion"));
    }

    int site(String name, List<String> hosts, int port, boolean ccs, String worker) {
        if (hosts.isEmpty() || send(0, "GET", "/admin/v1/sites/" + name, null).statusCode() == 200) {
            return 0;
        }
        JsonArray bindings = new JsonArray();
        hosts.forEach(h -> bindings.add("https/*:" + port + ":" + h));
        JsonObject body = new JsonObject().put("name", name).put("bindings", bindings).put("sni", true).put("ccs", ccs)
                .put("workers", new JsonArray().add(worker));
        ok(send(0, "POST", "/admin/v1/sites", body.encode()), "site " + name);
        return 1;
    }

    String ok(HttpResponse<String> r, String what) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    HttpResponse<String> send(int node, String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(admins.get(node % admins.size()) + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(120))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 412 && attempt < 50) {
                    // concurrent writers on several nodes: the node retries a few times on its own snapshot,
                    // which may not have applied the winning change yet; back off and send again
                    stale.incrementAndGet();
                    Thread.sleep(5L * attempt);
                    continue;
                }
                return r;
            } catch (IOException e) {
                if (attempt >= 3) {
                    throw new IllegalStateException(method + " " + path + ": " + e, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
