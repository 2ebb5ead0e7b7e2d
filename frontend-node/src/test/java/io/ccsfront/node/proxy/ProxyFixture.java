package io.ccsfront.node.proxy;

import ch.qos.logback.classic.Level;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.site.Site;
import io.ccsfront.testing.TestPki;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.LoggerFactory;

/**
 * A proxy under test: one Vert.x, a {@link ProxyHandler} reading an {@link AtomicReference}
 * snapshot, listeners on {@code 0.0.0.0:0} (so 127.0.0.2 reaches them too), a Vert.x client.
 */
final class ProxyFixture implements AutoCloseable {

    static {
        quietLogs();
    }

    final Vertx vertx = Vertx.vertx();
    final AtomicReference<ConfigSnapshot> config = new AtomicReference<>(ConfigSnapshot.empty());
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ProxySettings settings;
    final ProxyHandler proxy;
    final HttpClientAgent client;
    private final List<HttpServer> servers = new ArrayList<>();
    private final Context clientContext = vertx.getOrCreateContext();

    ProxyFixture(ProxySettings settings, List<String> perSiteSites) {
        this.settings = settings;
        this.proxy = new ProxyHandler(vertx, config::get, settings, ServedCertificates.fromSslSession(),
                new ProxyMetrics(registry, perSiteSites));
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
    }

    ProxyFixture(ProxySettings settings) {
        this(settings, List.of());
    }

    /** Test settings: short timeouts, fast health checks. */
    static ProxySettings settings(Map<String, String> overrides) {
        Map<String, String> m = new java.util.HashMap<>(Map.of(
                "proxy.connectTimeout", "2s", "proxy.responseTimeout", "5s", "proxy.healthCheck.interval", "100ms",
                "proxy.healthCheck.timeout", "1s"));
        m.putAll(overrides);
        return ProxySettings.from(io.ccsfront.node.config.NodeConfig.defaults().with(m));
    }

    static void quietLogs() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.ccsfront")).setLevel(Level.INFO);
    }

    /** A plain-HTTP listener on all addresses, port chosen by the system. */
    int listenHttp() {
        return listen(settings.applyTo(new HttpServerOptions()));
    }

    /** An HTTPS listener (ALPN h2 and http/1.1) serving {@code cert} on every handshake. */
    int listenHttps(TestPki.Issued cert) {
        return listen(settings.applyTo(new HttpServerOptions()).setSsl(true).setUseAlpn(true).setKeyCertOptions(pem(cert)));
    }

    int listen(HttpServerOptions options) {
        HttpServer s = vertx.createHttpServer(options.setHost("0.0.0.0").setPort(0)).requestHandler(proxy);
        await(s.listen());
        servers.add(s);
        return s.actualPort();
    }

    /** Publishes a snapshot holding exactly {@code sites}. */
    void sites(Site... sites) {
        var b = ConfigSnapshot.builder();
        for (Site s : sites) {
            b.putSite(s);
        }
        config.set(b.version(config.get().version() + 1).build());
    }

    static Site site(String name, long id, List<String> bindings, URI... workers) {
        List<SiteBinding> bs = new ArrayList<>();
        for (String b : bindings) {
            int slash = b.indexOf('/');
            bs.add(SiteBinding.parse(SiteBinding.Protocol.parse(b.substring(0, slash)), b.substring(slash + 1), 0));
        }
        return new Site(name, id, bs, List.of(workers));
    }

    /** A request to {@code ip:port} with the given Host header (null: the client's default). */
    Answer request(HttpMethod method, String ip, int port, String host, String path, MultiMap headers, Buffer body) {
        RequestOptions o = new RequestOptions().setMethod(method).setHost(ip).setPort(port).setURI(path);
        if (headers != null) {
            o.setHeaders(headers);
        }
        if (host != null) {
            o.putHeader("Host", host);
        }
        // The whole exchange runs on a Vert.x context: Vert.x 5.0.10's client stalls after a few
        // hundred sequential requests driven from a non-Vert.x thread (reproduced without the proxy).
        Promise<Answer> answer = Promise.promise();
        clientContext.runOnContext(v -> client.request(o)
                .compose(r -> body == null ? r.send() : r.send(body))
                .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), resp.headers(), b.toString(), resp.version())))
                .onComplete(answer));
        return await(answer.future());
    }

    Answer get(String ip, int port, String host, String path) {
        return request(HttpMethod.GET, ip, port, host, path, null, null);
    }

    /** A status, headers and body as the client saw them. */
    record Answer(int status, MultiMap headers, String body, HttpVersion version) {
    }

    double counter(String name, String... tags) {
        var c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    /**
     * Sends {@code request} verbatim over a new connection and returns everything the server
     * sends until it closes the connection (send {@code Connection: close}).
     */
    static String raw(String ip, int port, String request) {
        try (java.net.Socket s = new java.net.Socket(ip, port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            try {
                s.getInputStream().transferTo(got);
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("no end of response from " + ip + ":" + port + " in 10 s; got: "
                        + got.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            return got.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new AssertionError("raw request to " + ip + ":" + port + " failed: " + e, e);
        }
    }

    static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("operation failed or timed out: " + e, e);
        }
    }

    /** Waits (bounded) until {@code condition} holds; polls, never assumes timing. */
    static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /**
     * The leaf alone (TestPki 1.x writes a leaf's issuer DN in the reverse RDN order of the
     * intermediate's subject, which the JDK key store refuses as a chain); clients trust all.
     */
    static PemKeyCertOptions pem(TestPki.Issued cert) {
        try {
            return new PemKeyCertOptions().setCertValue(Buffer.buffer(pem("CERTIFICATE", cert.certificate().getEncoded())))
                    .setKeyValue(Buffer.buffer(pem("PRIVATE KEY", cert.key().getEncoded())));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Override
    public void close() {
        proxy.close();
        await(vertx.close());
    }
}
