package io.ccsfront.node.testing;

import io.ccsfront.node.FrontendNode;
import io.ccsfront.node.config.NodeConfig;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Starts in-process nodes for tests, on free ports, with a data folder under a temp dir. */
public final class TestNodes {

    private TestNodes() {
    }

    public static NodeConfig config(Path dataDir, Map<String, String> extra) {
        Map<String, String> m = new HashMap<>();
        m.put("node.name", "test");
        m.put("node.dataDir", dataDir.toString());
        m.put("listeners.http", "");
        m.put("admin.port", "0");
        m.put("cluster.enabled", "false");
        m.put("tls.defaultCertificate", "false");
        m.putAll(extra);
        return NodeConfig.defaults().with(m);
    }

    /** A node whose requests are answered "ok" (TLS tests that do not need the proxy). */
    public static FrontendNode start(NodeConfig c) {
        return start(c, n -> req -> req.response().end("ok"));
    }

    public static FrontendNode start(NodeConfig c, Function<FrontendNode, Handler<HttpServerRequest>> handler) {
        return new FrontendNode(c, Clock.systemUTC()).withAdminApi(io.ccsfront.node.admin.AdminApi::install).start(handler);
    }
}
