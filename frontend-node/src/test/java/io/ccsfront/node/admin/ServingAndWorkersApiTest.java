package io.ccsfront.node.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.cert.PfxExporter;
import io.ccsfront.node.FrontendNode;
import io.ccsfront.node.testing.Await;
import io.ccsfront.node.testing.TestNodes;
import io.ccsfront.testing.TestPki;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /serving: which certificate each https site binding gets; GET /workers: each worker's health on this node. */
class ServingAndWorkersApiTest {

    @TempDir
    Path tmp;

    @Test
    void servingNamesTheCertificateLevelAndSourceOfEverySiteBindingAndWhetherItCoversTheHost() throws Exception {
        try (AdminTestNode n = AdminTestNode.start(tmp.resolve("node"), Map.of())) {
            TestPki.Issued c = TestPki.get().leaf("www.contoso.test");
            JsonObject imp = n.call("POST", "/admin/v1/certificates", new JsonObject()
                    .put("file", Base64.getEncoder().encodeToString(PfxExporter.export(c.chain(), c.key(), "pw".toCharArray())))
                    .put("password", "pw").encode()).json();
            String t = imp.getString("thumbprint");
            assertThat(n.call("POST", "/admin/v1/sslcerts", new JsonObject().put("hostnameport", "www.contoso.test:" + n.httpsPort)
                    .put("certhash", t).encode()).status()).isEqualTo(201);
            assertThat(n.call("POST", "/admin/v1/sslcerts", new JsonObject().put("ipport", "0.0.0.0:" + n.httpsPort)
                    .put("certhash", t).encode()).status()).isEqualTo(201);
            for (String host : new String[] {"www.contoso.test", "shop.fabrikam.test"}) {
                assertThat(n.call("POST", "/admin/v1/sites", new JsonObject().put("name", host.split("\\.")[1])
                        .put("bindings", new JsonArray().add("https/*:" + n.httpsPort + ":" + host).add("http/*:80:" + host)).put("sni", true)
                        .put("workers", new JsonArray().add("http://127.0.0.1:9")).encode()).status()).isEqualTo(201);
            }
            JsonArray served = n.get("/admin/v1/serving").json().getJsonArray("siteBindings");
            assertThat(served).hasSize(2); // https only
            JsonObject contoso = served.getJsonObject(0);
            assertThat(contoso.getString("site")).isEqualTo("contoso");
            assertThat(contoso.getInteger("level")).isEqualTo(2);
            assertThat(contoso.getString("source")).isEqualTo("hostnameport=www.contoso.test:" + n.httpsPort);
            assertThat(contoso.getString("thumbprint")).isEqualTo(t);
            assertThat(contoso.getBoolean("covers")).isTrue();
            JsonObject fabrikam = served.getJsonObject(1);
            assertThat(fabrikam.getInteger("level")).isEqualTo(5);
            assertThat(fabrikam.getString("source")).isEqualTo("ipport=0.0.0.0:" + n.httpsPort);
            assertThat(fabrikam.getBoolean("covers")).as("www.contoso.test's certificate does not cover shop.fabrikam.test").isFalse();
        }
    }

    @Test
    void workersShowNotUsedUntilRoutedThenEjectedAfterConnectFailures() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort(); // closed again: connections are refused
        }
        int https;
        try (ServerSocket s = new ServerSocket(0)) {
            https = s.getLocalPort();
        }
        FrontendNode node = TestNodes.start(TestNodes.config(tmp.resolve("p"), Map.of("listeners.https", "", "listeners.http", "127.0.0.1:" + https,
                "admin.token", AdminTestNode.TOKEN, "proxy.ejectAfterFailures", "1")), FrontendNode::defaultHandler);
        try {
            String base = "http://127.0.0.1:" + node.adminPort();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.util.function.Function<java.net.http.HttpRequest.Builder, String> send = b -> {
                try {
                    return http.send(b.header("Authorization", "Bearer " + AdminTestNode.TOKEN).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            send.apply(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/admin/v1/sites")).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(new JsonObject().put("name", "a")
                            .put("bindings", new JsonArray().add("http/*:" + https + ":a.test")).put("workers", new JsonArray().add("http://127.0.0.1:" + dead)).encode())));
            java.util.function.Supplier<JsonObject> worker = () -> new JsonObject(send.apply(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base + "/admin/v1/workers")))).getJsonArray("workers").getJsonObject(0);
            assertThat(worker.get().getString("state")).isEqualTo("not used");
            assertThat(worker.get().getString("url")).isEqualTo("http://127.0.0.1:" + dead);
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", https)) { // a request for a.test, routed to the dead worker
                s.getOutputStream().write("GET / HTTP/1.1\r\nHost: a.test\r\nConnection: close\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                assertThat(new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 502");
            }
            Await.until("the worker ejected", Duration.ofSeconds(10), () -> worker.get().getString("state").equals("ejected"));
            assertThat(worker.get().getInteger("consecutiveFailures")).isGreaterThanOrEqualTo(1);
        } finally {
            node.close();
        }
    }

    @Test
    void withoutAProxyTheHealthIsUnknown() {
        try (AdminTestNode n = AdminTestNode.start(tmp.resolve("np"), Map.of())) {
            n.call("POST", "/admin/v1/sites", new JsonObject().put("name", "b").put("bindings", new JsonArray().add("https/*:" + n.httpsPort + ":b.test"))
                    .put("workers", new JsonArray().add("http://127.0.0.1:9")).encode());
            assertThat(n.get("/admin/v1/workers").json().getJsonArray("workers").getJsonObject(0).getString("state")).isEqualTo("unknown");
        }
    }
}
