package io.ccsfront.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.node.testing.FreePorts;
import io.ccsfront.node.testing.TestNodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listeners serve connections on every event loop (one per core), and accept them on the event
 * loops: no Vert.x acceptor thread exists ({@link AcceptOnEventLoopTransport}).
 */
class EventLoopListenersTest {

    @TempDir
    Path dir;

    @Test
    void connectionsAreSpreadOverTheEventLoopsAndAcceptedWithoutAnAcceptorThread() throws Exception {
        int http = FreePorts.next();
        FrontendNode node = TestNodes.start(TestNodes.config(dir, Map.of("listeners.https", "", "listeners.http", "127.0.0.1:" + http)),
                n -> req -> req.response().putHeader("Connection", "close").end(Thread.currentThread().getName()));
        try {
            Set<String> threads = new TreeSet<>();
            for (int i = 0; i < 8; i++) {
                HttpClient client = HttpClient.newHttpClient(); // a new connection each time
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                threads.add(r.body());
            }
            int loops = Runtime.getRuntime().availableProcessors();
            assertThat(threads).allMatch(t -> t.startsWith("vert.x-eventloop-thread-"));
            assertThat(threads).hasSize(Math.min(loops, 8));
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("vert.x-acceptor-thread"));
            assertThat(node.registry().get("ccsfront.listener.connections").tag("scheme", "http").gauge()).isNotNull();
            // Vert.x's per-connection server metrics are off (docs/METRICS.md); its client and pool metrics stay
            assertThat(node.registry().getMeters()).noneMatch(m -> m.getId().getName().startsWith("vertx.http.server")
                    || m.getId().getName().startsWith("vertx.net.server"));
        } finally {
            node.close();
        }
    }
}
