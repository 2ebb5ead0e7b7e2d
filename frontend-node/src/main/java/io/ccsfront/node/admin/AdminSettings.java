package io.ccsfront.node.admin;

import io.ccsfront.node.config.NodeConfig;
import io.ccsfront.node.config.NodeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The admin API's options, typed and validated ({@code admin.*}, and what it shares with the
 * node: its name, data folder and {@code tls.fallThroughUnusable}, which {@code explain} and
 * {@code doctor} apply as the handshakes do).
 *
 * @param tokensFile  further named tokens, {@code name:token} per line; empty for none
 * @param host        the admin listener's address ({@code admin.host})
 * @param port        the admin listener's bound port
 * @param tokenSource where the admin token comes from (a file, or the option), for messages; never the token
 */
public record AdminSettings(String nodeName, Path dataDir, boolean fallThroughUnusable, long maxUploadBytes, String tokensFile,
                            Duration minVersionWait, Duration remoteTimeout, String host, int port, String tokenSource) {

    public AdminSettings {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(tokensFile, "tokensFile");
        Objects.requireNonNull(minVersionWait, "minVersionWait");
        Objects.requireNonNull(remoteTimeout, "remoteTimeout");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tokenSource, "tokenSource");
    }

    /** The settings of a node whose admin listener is bound to {@code port}. */
    public static AdminSettings from(NodeConfig c, NodeSettings node, int port, String tokenSource) {
        return new AdminSettings(node.nodeName(), node.dataDir(), c.bool("tls.fallThroughUnusable"),
                c.longValue("admin.maxUploadBytes", 1024, 1L << 30), c.string("admin.tokensFile"),
                c.duration("admin.minVersionWait"), c.duration("admin.remoteTimeout"), node.adminHost(), port, tokenSource);
    }
}
