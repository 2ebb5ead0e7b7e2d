package io.ccsfront.node.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.HostnamePortBinding;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.node.FrontendNode;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.node.testing.Await;
import io.ccsfront.node.testing.FreePorts;
import io.ccsfront.node.testing.TestNodes;
import io.ccsfront.node.testing.TlsProbe;
import io.ccsfront.site.Site;
import io.ccsfront.testing.TestPki;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a real node (Hazelcast member found by DNS discovery, BoringSSL, the proxy) serves
 * a little traffic while a real Prometheus scrapes its admin port every second with the alert
 * rules loaded. Every expression of the Grafana dashboard and of the alert rules is then asked
 * of Prometheus: a dashboard query must return data, an alert's compared series must exist
 * (the alert itself rightly returns nothing while all is well), and every rule must evaluate
 * without error. A renamed metric or label fails here, not on an operator's screen.
 */
class PrometheusQueriesTest {

    static final String JOB = DeployManifestsTest.JOB;
    static final Path DASHBOARD = DeployFiles.deploy("grafana/ccsfront-dashboard.json");

    @TempDir
    Path tmp;

    final Map<String, TestPki.Issued> certs = new HashMap<>();

    TestPki.Issued cert(String name) {
        return certs.computeIfAbsent(name, n -> TestPki.get().leaf(n));
    }

    @Test
    void everyDashboardAndAlertExpressionFindsItsSeries() throws Exception {
        Path prometheus = Tools.require("prometheus", "prometheus");
        int https = FreePorts.next();
        int ccsOnly = FreePorts.next();
        int http = FreePorts.next();
        Vertx backendVertx = Vertx.vertx();
        FrontendNode node = null;
        PrometheusServer prom = null;
        try {
            HttpServer backend = backendVertx.createHttpServer().requestHandler(r -> r.response().end("hello"))
                    .listen(0, "127.0.0.1").await();
            node = TestNodes.start(TestNodes.config(tmp.resolve("node"), Map.ofEntries(
                    Map.entry("node.name", "ccsfront-0"),
                    Map.entry("listeners.https", "0.0.0.0:" + https + ",0.0.0.0:" + ccsOnly),
                    Map.entry("listeners.http", "0.0.0.0:" + http),
                    Map.entry("metrics.perSiteSites", "shop"),
                    // the discovery mode the manifests use: "localhost" resolves to this member
                    Map.entry("cluster.enabled", "true"),
                    Map.entry("cluster.kubernetes.serviceDns", "localhost"),
                    Map.entry("cluster.bindAddress", "127.0.0.1"),
                    Map.entry("cluster.port", Integer.toString(FreePorts.next())),
                    Map.entry("cluster.joinTimeout", "5s"),
                    Map.entry("admin.token", "deploy-test-admin-token-0123456789"),
                    Map.entry("masterKey.value", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="))),
                    FrontendNode::defaultHandler); // the production handler: the proxy, as Main starts it
            configure(node, https, ccsOnly, http, URI.create("http://127.0.0.1:" + backend.actualPort() + "/"));

            prom = PrometheusServer.start(prometheus, tmp, JOB, "127.0.0.1:" + node.adminPort(),
                    Map.of("namespace", "ccsfront-test", "pod", "ccsfront-0"), PrometheusRulesTest.RULES);
            PrometheusServer p = prom;
            awaitData(p, "up{job=\"" + JOB + "\"} == 1");

            // traffic after the first scrape, so that rates and histograms see it
            FrontendNode n = node;
            n.configService().commit(new ConfigChange.PutCcs("blog.contoso.com", cert("blog.contoso.com").stored(n.protector())),
                    ConfigService.ANY_VERSION, "deploy-test");
            // Two rounds, each seen by a scrape: the proxy registers a request counter on its first
            // use, and rate() cannot see a series' first increments, only those after its first sample.
            int requests = 0;
            for (int round = 0; round < 2; round++) {
                requests += traffic(https, ccsOnly, http);
                awaitData(p, "sum(ccsfront_proxy_requests_total{job=\"" + JOB + "\"}) >= " + requests);
            }
            awaitData(p, "sum(ccsfront_tls_handshakes_total{job=\"" + JOB + "\", result=\"no-certificate\"}) >= 1");
            awaitData(p, "max(ccsfront_config_version{job=\"" + JOB + "\"}) >= " + n.configService().current().version());
            awaitRulesEvaluatedAfter(p, Instant.now());

            List<String> problems = new ArrayList<>();
            checkDashboard(p, problems);
            checkRules(p, problems);
            assertThat(problems).as("queries without data (Prometheus log tail:\n%s)", p.logTail()).isEmpty();

            // the expiring certificate (10 days left) has the expiry alert pending, end to end
            assertThat(p.result("ALERTS{alertname=\"CcsfrontCertificateExpiringSoon\", alertstate=\"pending\"}")).isNotEmpty();
        } finally {
            if (prom != null) {
                prom.close();
            }
            if (node != null) {
                node.close();
            }
            backendVertx.close().await();
        }
    }

    /** Bindings at four selection levels, a CCS-only port, a site with one web worker. */
    void configure(FrontendNode n, int https, int ccsOnly, int http, URI worker) {
        List<ConfigChange> c = new ArrayList<>();
        for (String name : List.of("ip2.example", "sni.example", "default.example")) {
            c.add(new ConfigChange.PutCertificate("MY", cert(name).stored(n.protector())));
        }
        c.add(put(new IpPortBinding(IpPort.parse("127.0.0.2:" + https), cert("ip2.example").stored().thumbprint())));
        c.add(put(new HostnamePortBinding("sni.example", https, cert("sni.example").stored().thumbprint())));
        c.add(put(new IpPortBinding(IpPort.parse("0.0.0.0:" + https), cert("default.example").stored().thumbprint())));
        c.add(put(new CcsBinding(https)));
        c.add(put(new CcsBinding(ccsOnly)));
        c.add(new ConfigChange.PutCcs("www.contoso.com", cert("www.contoso.com").stored(n.protector())));
        TestPki.Issued expiring = TestPki.get().leaf(TestPki.LeafSpec.names("old.contoso.com")
                .validity(Instant.now().minus(Duration.ofDays(80)), Instant.now().plus(Duration.ofDays(10))));
        c.add(new ConfigChange.PutCcs("old.contoso.com", expiring.stored(n.protector())));
        c.add(new ConfigChange.PutSite(new Site("shop", 1, List.of(
                SiteBinding.parse(SiteBinding.Protocol.parse("http"), "*:" + http + ":shop.example", 0),
                SiteBinding.parse(SiteBinding.Protocol.parse("https"), "*:" + https + ":www.contoso.com", 0)),
                List.of(worker)), ConfigChange.Mode.ADD));
        n.configService().commit(new ConfigChange.Batch(c), ConfigService.ANY_VERSION, "deploy-test");
    }

    static ConfigChange put(io.ccsfront.binding.SslBinding b) {
        return new ConfigChange.PutBinding(b, ConfigChange.Mode.ADD);
    }

    /** Handshakes at every level plus one with no certificate, and proxied requests; returns the request count. */
    int traffic(int https, int ccsOnly, int http) throws IOException {
        for (int i = 0; i < 3; i++) {
            assertThat(TlsProbe.presented("127.0.0.2", https, null)).isEqualTo(cert("ip2.example").stored().thumbprint().hex());
            assertThat(TlsProbe.presented("127.0.0.1", https, "sni.example")).isEqualTo(cert("sni.example").stored().thumbprint().hex());
            assertThat(TlsProbe.presented("127.0.0.1", https, "www.contoso.com"))
                    .isEqualTo(cert("www.contoso.com").stored().thumbprint().hex());
            assertThat(TlsProbe.presented("127.0.0.1", https, null)).isEqualTo(cert("default.example").stored().thumbprint().hex());
        }
        assertThat(TlsProbe.presented("127.0.0.1", ccsOnly, "unknown.example")).contains("unrecognized_name");
        int requests = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(httpGet(http, "shop.example")).startsWith("HTTP/1.1 200");
            requests++;
        }
        assertThat(httpGet(http, "unknown.example")).startsWith("HTTP/1.1 404");
        requests++;
        try (TlsProbe tls = TlsProbe.connect("127.0.0.1", https, "www.contoso.com")) {
            assertThat(tls.get("www.contoso.com", "/")).startsWith("HTTP/1.1 200");
            requests++;
        }
        return requests;
    }

    /** One plain-HTTP request with the given Host; the status line. */
    static String httpGet(int port, String host) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        }
    }

    static void awaitData(PrometheusServer p, String promql) {
        Await.until("Prometheus to have " + promql + "\n" + p.logTail(), Duration.ofSeconds(30), () -> !p.result(promql).isEmpty());
    }

    /** Waits for every rule to have been evaluated after {@code after}; each must be healthy. */
    static void awaitRulesEvaluatedAfter(PrometheusServer p, Instant after) {
        Await.until("every rule evaluated", Duration.ofSeconds(30), () -> {
            for (JsonNode g : p.get("/api/v1/rules").path("data").path("groups")) {
                for (JsonNode r : g.path("rules")) {
                    if (OffsetDateTime.parse(r.path("lastEvaluation").asText()).toInstant().isBefore(after)) {
                        return false;
                    }
                }
            }
            return true;
        });
        for (JsonNode g : p.get("/api/v1/rules").path("data").path("groups")) {
            for (JsonNode r : g.path("rules")) {
                assertThat(r.path("health").asText()).as("rule %s: %s", r.path("name").asText(), r.path("lastError").asText())
                        .isEqualTo("ok");
            }
        }
    }

    /** Every panel query (variables as Grafana would fill them) and every variable's label_values. */
    static void checkDashboard(PrometheusServer p, List<String> problems) {
        JsonNode dashboard = DeployFiles.json(DASHBOARD);
        Map<String, String> vars = Map.of("job", JOB, "namespace", ".*", "node", ".*", "__rate_interval", "1m");
        Map<String, String> exprs = PromQl.dashboardExpressions(dashboard);
        assertThat(exprs).hasSizeGreaterThan(10);
        exprs.forEach((panel, expr) -> {
            String q = PromQl.substitute(expr, vars);
            JsonNode result = p.result(q);
            if (result.isEmpty()) {
                problems.add("dashboard " + panel + ": " + q);
            } else if (!anyFinite(result)) {
                problems.add("dashboard " + panel + " (only NaN/Inf): " + q + " -> " + result);
            }
        });
        Pattern labelValues = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");
        for (JsonNode v : dashboard.path("templating").path("list")) {
            Matcher m = labelValues.matcher(v.path("definition").asText());
            if (m.matches()) {
                String selector = PromQl.substitute(m.group(1), vars);
                JsonNode values = p.get("/api/v1/label/" + m.group(2) + "/values?match[]="
                        + java.net.URLEncoder.encode(selector, StandardCharsets.UTF_8)).path("data");
                if (values.isEmpty()) {
                    problems.add("dashboard variable " + v.path("name").asText() + ": " + v.path("definition").asText());
                }
            }
        }
    }

    /** Every rule expression must run; each series an alert compares must exist. */
    static void checkRules(PrometheusServer p, List<String> problems) {
        PromQl.ruleExpressions(DeployFiles.yaml(PrometheusRulesTest.RULES)).forEach((rule, expr) -> {
            p.result(expr); // throws when Prometheus refuses it
            List<String> operands = PromQl.comparisonOperands(expr);
            for (String operand : operands) {
                if (!PromQl.isLiteral(operand) && p.result(operand).isEmpty()) {
                    problems.add("alert " + rule + ": " + operand);
                }
            }
        });
    }

    static boolean anyFinite(JsonNode result) {
        for (JsonNode s : result) {
            double v = Double.parseDouble(s.path("value").get(1).asText());
            if (Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }
}
