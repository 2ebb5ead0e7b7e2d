package io.ccsfront.node.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** WebSocket upgrades pass through: the worker's 101 reaches the client, then frames flow both ways. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyWebSocketTest {

    private ProxyFixture fx;
    private int port;
    private final AtomicReference<MultiMap> upgradeHeaders = new AtomicReference<>();

    @BeforeAll
    void start() {
        fx = new ProxyFixture(ProxyFixture.settings(Map.of()));
        HttpServer echo = ProxyFixture.await(fx.vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                        .addWebSocketSubProtocol("chat.v1"))
                .webSocketHandler(ws -> {
                    upgradeHeaders.set(MultiMap.caseInsensitiveMultiMap().addAll(ws.headers()));
                    ws.textMessageHandler(ws::writeTextMessage);
                    ws.binaryMessageHandler(ws::writeBinaryMessage);
                })
                .requestHandler(req -> req.response().end("plain"))
                .listen());
        port = fx.listenHttp();
        fx.sites(ProxyFixture.site("chat", 1, List.of("http/*:" + port + ":www.ws.com"),
                java.net.URI.create("http://127.0.0.1:" + echo.actualPort())));
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private WebSocket connect(WebSocketClient client, String host) {
        Promise<WebSocket> p = Promise.promise();
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/chat?room=1")
                .addSubProtocol("chat.v1");
        o.putHeader("Host", host);
        fx.vertx.getOrCreateContext().runOnContext(v -> client.connect(o).onComplete(p));
        return ProxyFixture.await(p.future());
    }

    @Test
    void webSocketEchoWorksThroughTheProxy() {
        WebSocketClient client = fx.vertx.createWebSocketClient();
        WebSocket ws = connect(client, "www.ws.com");
        assertThat(ws.subProtocol()).as("the worker's 101 headers reach the client").isEqualTo("chat.v1");
        Promise<String> text = Promise.promise();
        ws.textMessageHandler(text::tryComplete);
        ws.writeTextMessage("hello through the proxy");
        assertThat(ProxyFixture.await(text.future())).isEqualTo("hello through the proxy");
        MultiMap seen = upgradeHeaders.get();
        assertThat(seen.get("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(seen.get("Host")).isEqualTo("www.ws.com");
        assertThat(seen.get("Upgrade")).isEqualToIgnoringCase("websocket");
        ProxyFixture.await(ws.close());
    }

    @Test
    void largeBinaryMessagesFlowBothWays() {
        WebSocketClient client = fx.vertx.createWebSocketClient();
        WebSocket ws = connect(client, "www.ws.com");
        Buffer payload = Buffer.buffer(new byte[200_000]);
        for (int i = 0; i < payload.length(); i++) {
            payload.setByte(i, (byte) (i * 31));
        }
        Promise<Buffer> echoed = Promise.promise();
        ws.binaryMessageHandler(echoed::tryComplete);
        ws.writeBinaryMessage(payload);
        Buffer got = ProxyFixture.await(echoed.future());
        assertThat(got.length()).isEqualTo(payload.length());
        assertThat(got.equals(payload)).as("same bytes").isTrue();
        ProxyFixture.await(ws.close());
    }

    @Test
    void upgradeForAnUnknownHostIs404() {
        WebSocketClient client = fx.vertx.createWebSocketClient();
        Promise<WebSocket> p = Promise.promise();
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/");
        o.putHeader("Host", "nobody.example");
        fx.vertx.getOrCreateContext().runOnContext(v -> client.connect(o).onComplete(p));
        Throwable failure = ProxyFixture.await(p.future().map(ws -> (Throwable) null).otherwise(t -> t));
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("404");
    }
}
