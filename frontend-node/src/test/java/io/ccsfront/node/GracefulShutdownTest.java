package io.ccsfront.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.binding.SiteBinding;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.node.testing.FreePorts;
import io.ccsfront.node.testing.TestNodes;
import io.ccsfront.site.Site;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graceful stop: readiness goes down, in-flight requests finish within the drain time, new connections are refused. */
class GracefulShutdownTest {

    @TempDir
    Path dir;

    @Test
    void inFlightRequestFinishesWhileTheNodeDrains() throws Exception {
        Vertx workers = Vertx.vertx();
        int workerPort = workers.createHttpServer().requestHandler(req -> workers.setTimer(1500, t -> req.response().end("slow done")))
                .listen(0, "127.0.0.1").await().actualPort();
        int http = FreePorts.next();
        FrontendNode node = TestNodes.start(TestNodes.config(dir, Map.of("listeners.https", "", "listeners.http", "127.0.0.1:" + http,
                "shutdown.drainTimeout", "10s")), FrontendNode::defaultHandler);
        try {
            node.configService().commit(new ConfigChange.PutSite(new Site("slow", 1,
                    List.of(SiteBinding.parse(SiteBinding.Protocol.HTTP, "*:" + http + ":", 0)),
                    List.of(URI.create("http://127.0.0.1:" + workerPort))), ConfigChange.Mode.ADD), ConfigService.ANY_VERSION, "test");
            HttpClient client = HttpClient.newHttpClient();
            String ready = "http://127.0.0.1:" + node.adminPort() + "/health/ready";
            assertThat(client.send(HttpRequest.newBuilder(URI.create(ready)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300); // let the request reach the worker; the worker answers after 1.5 s
            CompletableFuture<Void> closing = CompletableFuture.runAsync(node::close);
            HttpResponse<String> r = inFlight.get();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("slow done");
            closing.get();
            boolean refused;
            try (Socket s = new Socket("127.0.0.1", http)) {
                refused = false;
            } catch (ConnectException e) {
                refused = true;
            } catch (IOException e) {
                refused = true;
            }
            assertThat(refused).as("the listener no longer accepts").isTrue();
        } finally {
            node.close();
            workers.close().await();
        }
    }
}
