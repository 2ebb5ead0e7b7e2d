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
 * @param tokensFile further named tokens, {@code name:token} per line; empty for none
 */
public record AdminSettings(String nodeName, Path dataDir, boolean fallThroughUnusable, long maxUploadBytes, String tokensFile,
                            Duration minVersionWait, Duration remoteTimeout) {

    public AdminSettings {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(tokensFile, "tokensFile");
        Objects.requireNonNull(minVersionWait, "minVersionWait");
        Objects.requireNonNull(remoteTimeout, "remoteTimeout");
    }

    public static AdminSettings from(NodeConfig c, NodeSettings node) {
        return new AdminSettings(node.nodeName(), node.dataDir(), c.bool("tls.fallThroughUnusable"),
                c.longValue("admin.maxUploadBytes", 1024, 1L << 30), c.string("admin.tokensFile"),
                c.duration("admin.minVersionWait"), c.duration("admin.remoteTimeout"));
    }
}
