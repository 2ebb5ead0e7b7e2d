package io.ccsfront.node.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The typed, validated view of {@link NodeConfig} the node itself starts from: its name and data
 * folder, its listeners, the admin listener, and its lifecycle options. Each component has its
 * own settings record besides (TLS, cluster, proxy, admin API, CCS folder).
 *
 * @param adminTlsCertFile PEM chain for HTTPS on the admin listener; empty for plain HTTP
 */
public record NodeSettings(String nodeName, Path dataDir, List<Listener> https, List<Listener> http, int maxConnections,
                           String adminHost, int adminPort, String adminTlsCertFile, String adminTlsKeyFile,
                           boolean defaultCertificate, Duration drainTimeout, boolean demo) {

    public static NodeSettings from(NodeConfig c) {
        String name = c.string("node.name");
        if (name.isEmpty()) {
            name = hostName();
        }
        List<Listener> https = c.list("listeners.https").stream().map(s -> Listener.parse(s, "listeners.https")).toList();
        List<Listener> http = c.list("listeners.http").stream().map(s -> Listener.parse(s, "listeners.http")).toList();
        if (https.isEmpty() && http.isEmpty()) {
            throw new NodeConfig.ConfigError("at least one listener is needed in listeners.https or listeners.http");
        }
        return new NodeSettings(name, Path.of(c.string("node.dataDir")), https, http,
                c.integer("listeners.maxConnections", 1, 10_000_000), c.string("admin.host"),
                c.integer("admin.port", 0, 65535), c.string("admin.tls.certFile"), c.string("admin.tls.keyFile"),
                c.bool("tls.defaultCertificate"), c.duration("shutdown.drainTimeout"), c.bool("demo.enabled"));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
