package io.ccsfront.node.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The typed, validated view of {@link NodeConfig} the node starts from. */
public record NodeSettings(String nodeName, Path dataDir, List<Listener> https, List<Listener> http, int maxConnections,
                           String adminHost, int adminPort, boolean openSsl, String minTlsVersion, int cacheSize,
                           Duration handshakeTimeout, boolean sessionTickets, Duration ticketKeyRotation,
                           boolean fallThroughUnusable, boolean defaultCertificate, Duration drainTimeout,
                           boolean demo) {

    public static NodeSettings from(NodeConfig c) {
        String name = c.string("node.name");
        if (name.isEmpty()) {
            name = hostName();
        }
        String engine = c.string("tls.engine").toLowerCase(Locale.ROOT);
        if (!engine.equals("openssl") && !engine.equals("jdk")) {
            throw new NodeConfig.ConfigError("tls.engine must be openssl or jdk: " + engine);
        }
        String min = c.string("tls.minVersion");
        if (!min.equals("1.2") && !min.equals("1.3")) {
            throw new NodeConfig.ConfigError("tls.minVersion must be 1.2 or 1.3: " + min);
        }
        List<Listener> https = c.list("listeners.https").stream().map(s -> Listener.parse(s, "listeners.https")).toList();
        List<Listener> http = c.list("listeners.http").stream().map(s -> Listener.parse(s, "listeners.http")).toList();
        if (https.isEmpty() && http.isEmpty()) {
            throw new NodeConfig.ConfigError("at least one listener is needed in listeners.https or listeners.http");
        }
        return new NodeSettings(name, Path.of(c.string("node.dataDir")), https, http,
                c.integer("listeners.maxConnections", 1, 10_000_000), c.string("admin.host"),
                c.integer("admin.port", 0, 65535), engine.equals("openssl"), min, c.integer("tls.cacheSize", 1, 10_000_000),
                c.duration("tls.handshakeTimeout"), c.bool("tls.sessionTickets"), c.duration("tls.ticketKeyRotation"),
                c.bool("tls.fallThroughUnusable"), c.bool("tls.defaultCertificate"), c.duration("shutdown.drainTimeout"),
                c.bool("demo.enabled"));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "node";
        }
    }
}
