package io.ccsfront.node.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ccsfront.node.admin.console.ConsoleRoutes;
import io.ccsfront.node.testing.Await;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The web console's security at the HTTP level: its headers, sign-in, the session cookie, CSRF on
 * every change made with the cookie (and none needed with a bearer token), the event stream, and
 * what the node says at start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSecurityTest {

    static final String ALICE = "alice-token-abcdefghijklmnop";

    @TempDir
    static Path tmp;
    AdminTestNode n;
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws IOException {
        Logger console = (Logger) LoggerFactory.getLogger(ConsoleRoutes.class);
        logs.start();
        console.addAppender(logs);
        Path tokens = tmp.resolve("tokens");
        Files.writeString(tokens, "alice:" + ALICE + "\n");
        n = AdminTestNode.start(tmp.resolve("node"), Map.of("admin.tokensFile", tokens.toString()));
    }

    @AfterAll
    void stop() {
        n.close();
        ((Logger) LoggerFactory.getLogger(ConsoleRoutes.class)).detachAppender(logs);
    }

    /** A signed-in browser's cookie value and CSRF token. */
    record Session(String cookie, String csrf, String setCookie) {
    }

    Session signIn(String token) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(n.base() + "/console/api/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("token", token).encode())));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        return new Session(cookie, new JsonObject(r.body()).getString("csrfToken"), setCookie);
    }

    HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request with the session cookie (and no Authorization header), plus {@code headers}. */
    HttpResponse<String> withCookie(Session s, String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(n.base() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Cookie", s.cookie());
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        return send(b);
    }

    String site(String name) {
        return new JsonObject().put("name", name).put("bindings", new io.vertx.core.json.JsonArray().add("https/*:" + n.httpsPort + ":" + name + ".test"))
                .put("workers", new io.vertx.core.json.JsonArray().add("http://127.0.0.1:9")).encode();
    }

    @Test
    void consolePagesCarryAStrictContentSecurityPolicyAndNoExternalResource() {
        for (String path : List.of("/console/", "/console/console.css", "/console/js/app.js", "/console/js/certificates.js")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(n.base() + path)));
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
                    "frame-ancestors 'none'", "form-action 'none'", "base-uri 'none'", "object-src 'none'", "require-trusted-types-for 'script'");
            assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(r.headers().firstValue("Strict-Transport-Security")).as("plain HTTP: no HSTS").isEmpty();
            assertThat(r.body()).as(path + " names no other origin").doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//")
                    .doesNotContain("<style", " style=", "onclick=", "innerHTML", "eval(", "localStorage", "sessionStorage");
        }
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(n.base() + "/console/")));
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).doesNotContain("<script>").contains("<script type=\"module\" src=\"js/app.js\">");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/../admin/v1/node", "/console/js/../../admin.token", "/console/AdminApi.class",
            "/console/web/index.html", "/console/js/nope.js", "/console/io/ccsfront/node/admin/openapi.yaml"})
    void nothingButTheConsoleFilesIsServed(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(n.base() + path)));
        assertThat(r.statusCode()).as(path + " " + r.body()).isIn(400, 401, 404);
        assertThat(r.body()).doesNotContain(AdminTestNode.TOKEN, "openapi");
    }

    @Test
    void consoleWithoutSlashRedirectsToTheConsole() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(n.base() + "/console")));
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue("/console/");
    }

    @Test
    void adminApiAnswersAreNeverCachedNorSniffed() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(n.base() + "/admin/v1/node")).header("Authorization", "Bearer " + AdminTestNode.TOKEN));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void signInSetsAnHttpOnlySameSiteStrictCookieThatIsNotTheToken() {
        Session s = signIn(AdminTestNode.TOKEN);
        assertThat(s.setCookie()).startsWith("ccsfront-console-" + n.node.adminPort() + "=")
                .contains("; HttpOnly", "; SameSite=Strict", "; Path=/").doesNotContain("Secure").doesNotContain(AdminTestNode.TOKEN);
        assertThat(s.csrf()).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(AdminTestNode.TOKEN);
        HttpResponse<String> me = withCookie(s, "GET", "/console/api/session", null, Map.of());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(me.body()).getString("actor")).isEqualTo("admin");
        assertThat(new JsonObject(me.body()).getString("csrfToken")).isEqualTo(s.csrf());
        assertThat(me.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong-token-0000000000000000", "", AdminTestNode.TOKEN + "x"})
    void aWrongTokenIsRefusedWithoutACookie(String token) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(n.base() + "/console/api/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("token", token).encode())));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("unauthorized");
    }

    @ParameterizedTest
    @CsvSource({"text/plain, 415", "application/x-www-form-urlencoded, 415"})
    void signInTakesJsonOnlySoAnotherSiteCannotPostAForm(String type, int status) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(n.base() + "/console/api/session"))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + AdminTestNode.TOKEN + "\"}")));
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void signInFromAnotherOriginIsRefused() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(n.base() + "/console/api/session"))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("token", AdminTestNode.TOKEN).encode())));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("cross_origin");
    }

    @Test
    void theCookieReadsTheApiAsItsIdentity() {
        Session s = signIn(ALICE);
        HttpResponse<String> r = withCookie(s, "GET", "/admin/v1/node", null, Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        // cluster status forwards the session's bearer token to the members (here: itself)
        HttpResponse<String> c = withCookie(s, "GET", "/admin/v1/cluster", null, Map.of());
        assertThat(c.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(c.body()).getJsonArray("members").getJsonObject(0).getBoolean("reachable")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no CSRF header            | POST   | /admin/v1/sites            | -                | -                          | csrf_token_missing",
        "a wrong CSRF header       | POST   | /admin/v1/sites            | wrong            | -                          | csrf_token_invalid",
        "another origin            | POST   | /admin/v1/sites            | OK               | http://evil.example        | cross_origin",
        "a cross-site fetch        | POST   | /admin/v1/sites            | OK               | SEC:cross-site             | cross_origin",
        "delete without CSRF       | DELETE | /admin/v1/sites/keep       | -                | -                          | csrf_token_missing",
        "rotate without CSRF       | POST   | /admin/v1/rotate           | -                | -                          | csrf_token_missing",
        "export without CSRF       | POST   | /admin/v1/certificates/0000000000000000000000000000000000000000/export | - | - | csrf_token_missing",
    })
    void aChangeWithTheCookieButWithoutItsCsrfTokenIsRefusedAndNothingChanges(String why, String method, String path, String csrf,
                                                                              String origin, String code) {
        n.call("POST", "/admin/v1/sites", site("keep"));
        Session s = signIn(AdminTestNode.TOKEN);
        long before = n.version();
        Map<String, String> h = new HashMap<>();
        if (!csrf.equals("-")) {
            h.put(ConsoleRoutes.CSRF_HEADER, csrf.equals("OK") ? s.csrf() : csrf);
        }
        if (origin.startsWith("SEC:")) {
            h.put("Sec-Fetch-Site", origin.substring(4));
        } else if (!origin.equals("-")) {
            h.put("Origin", origin);
        }
        HttpResponse<String> r = withCookie(s, method, path, method.equals("DELETE") ? null : site("csrf"), h);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(new JsonObject(r.body()).getString("error")).isEqualTo(code);
        assertThat(n.version()).isEqualTo(before);
        assertThat(n.get("/admin/v1/sites/keep").status()).isEqualTo(200);
    }

    @Test
    void aChangeWithTheCookieAndItsCsrfTokenIsMadeAsTheSignedInIdentity() {
        Session s = signIn(ALICE);
        long before = n.version();
        HttpResponse<String> r = withCookie(s, "POST", "/admin/v1/sites", site("by-alice"),
                Map.of(ConsoleRoutes.CSRF_HEADER, s.csrf(), "Origin", n.base(), "Sec-Fetch-Site", "same-origin"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(n.version()).isEqualTo(before + 1);
        JsonObject last = n.get("/admin/v1/audit?limit=1").json().getJsonArray("entries").getJsonObject(0);
        assertThat(last.getString("actor")).isEqualTo("alice");
        assertThat(last.getString("change")).contains("by-alice");
    }

    @Test
    void bearerClientsLikeCcsctlNeedNoCsrfTokenEvenWithAStaleCookie() {
        Session s = signIn(AdminTestNode.TOKEN);
        // ccsctl's request: a bearer token, no cookie, no CSRF header
        assertThat(n.call("POST", "/admin/v1/sites", site("by-bearer")).status()).isEqualTo(201);
        // a bearer token decides even when a cookie comes along: no CSRF token needed, the cookie is ignored
        HttpResponse<String> both = withCookie(s, "POST", "/admin/v1/sites", site("by-both"), Map.of("Authorization", "Bearer " + ALICE));
        assertThat(both.statusCode()).as(both.body()).isEqualTo(201);
        assertThat(n.get("/admin/v1/audit?limit=1").json().getJsonArray("entries").getJsonObject(0).getString("actor")).isEqualTo("alice");
        // a wrong bearer token is not rescued by a valid cookie
        HttpResponse<String> wrong = withCookie(s, "GET", "/admin/v1/node", null, Map.of("Authorization", "Bearer wrong-token-000000000000"));
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void signOutNeedsTheCsrfTokenAndEndsTheSession() {
        Session s = signIn(AdminTestNode.TOKEN);
        assertThat(withCookie(s, "DELETE", "/console/api/session", null, Map.of()).statusCode()).isEqualTo(403);
        assertThat(withCookie(s, "GET", "/admin/v1/node", null, Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> out = withCookie(s, "DELETE", "/console/api/session", null, Map.of(ConsoleRoutes.CSRF_HEADER, s.csrf()));
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
        assertThat(withCookie(s, "GET", "/admin/v1/node", null, Map.of()).statusCode()).isEqualTo(401);
        assertThat(withCookie(s, "GET", "/console/api/session", null, Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void theEventStreamTellsTheVersionOnConnectAndOnEveryChange() throws Exception {
        Session s = signIn(AdminTestNode.TOKEN);
        HttpURLConnection c = (HttpURLConnection) new URL(n.base() + "/console/api/events").openConnection();
        c.setRequestProperty("Cookie", s.cookie());
        c.setReadTimeout(30_000);
        assertThat(c.getResponseCode()).isEqualTo(200);
        assertThat(c.getContentType()).startsWith("text/event-stream");
        BlockingQueue<String> data = new ArrayBlockingQueue<>(100);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("data: ")) {
                        data.add(line.substring(6));
                    }
                }
            } catch (IOException e) {
                // closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        String first = data.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        long v0 = new JsonObject(first).getLong("version");
        assertThat(v0).isEqualTo(n.version());
        assertThat(n.call("POST", "/admin/v1/sites", site("streamed")).status()).isEqualTo(201);
        String next = data.poll(10, TimeUnit.SECONDS);
        assertThat(next).isNotNull();
        assertThat(new JsonObject(next).getLong("version")).isGreaterThan(v0);
        c.disconnect();
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(n.base() + "/console/api/events")));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void overHttpsTheCookieIsSecureWithTheHostPrefixAndHstsIsSent() throws Exception {
        io.ccsfront.testing.TestPki.Issued cert = io.ccsfront.testing.TestPki.get().leaf(io.ccsfront.testing.TestPki.LeafSpec.names("localhost").ips("127.0.0.1"));
        Path dir = tmp.resolve("tls");
        Files.createDirectories(dir);
        Path certFile = dir.resolve("admin.crt");
        Path keyFile = dir.resolve("admin.key");
        try (org.bouncycastle.openssl.jcajce.JcaPEMWriter w = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(Files.newBufferedWriter(certFile))) {
            for (java.security.cert.X509Certificate c : cert.chain()) {
                w.writeObject(c);
            }
        }
        try (org.bouncycastle.openssl.jcajce.JcaPEMWriter w = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(Files.newBufferedWriter(keyFile))) {
            w.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(cert.key(), null));
        }
        try (AdminTestNode m = AdminTestNode.start(dir.resolve("data"), Map.of("admin.tls.certFile", certFile.toString(),
                "admin.tls.keyFile", keyFile.toString()))) {
            HttpClient https = HttpClient.newBuilder().sslContext(io.ccsfront.node.testing.TlsProbe.trustAll())
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String base = "https://127.0.0.1:" + m.node.adminPort();
            HttpResponse<String> page = https.send(HttpRequest.newBuilder(URI.create(base + "/console/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            HttpResponse<String> in = https.send(HttpRequest.newBuilder(URI.create(base + "/console/api/session")).header("Content-Type", "application/json")
                    .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("token", AdminTestNode.TOKEN).encode())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
            assertThat(in.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                    .startsWith("__Host-ccsfront-console-" + m.node.adminPort() + "=").contains("; Secure", "; HttpOnly", "; SameSite=Strict", "; Path=/"));
        }
    }

    @Test
    void theNodeSaysWhereTheConsoleIsAndWhichFileHoldsTheTokenButNeverTheToken() throws IOException {
        Path dir = tmp.resolve("from-file");
        Files.createDirectories(dir);
        Path tokenFile = dir.resolve("my-admin.token");
        String token = "file-token-0123456789abcdefghij";
        Files.writeString(tokenFile, token + "\n");
        logs.list.clear();
        try (AdminTestNode m = AdminTestNode.start(dir.resolve("data"), Map.of("admin.token", "", "admin.tokenFile", tokenFile.toString()))) {
            Await.until("the console's start-up line", Duration.ofSeconds(5), () -> !logs.list.isEmpty());
            String line = logs.list.stream().map(ILoggingEvent::getFormattedMessage).filter(l -> l.contains("web console")).findFirst().orElseThrow();
            assertThat(line).contains("http://127.0.0.1:" + m.node.adminPort() + "/console/").contains(tokenFile.toString()).doesNotContain(token);
        }
    }
}
