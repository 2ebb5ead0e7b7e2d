package io.ccsfront.node.state;

import io.ccsfront.binding.Ports;
import io.ccsfront.node.config.NodeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Central Certificate Store options ({@code ccs.*}), typed and validated.
 *
 * @param folder       the IIS CCS folder to import from, or null for none
 * @param passwordFile the file holding the folder's shared PFX password; empty for none
 * @param bindPorts    HTTPS ports that get a {@code ccs=PORT} binding on start when they have none
 */
public record CcsSettings(Path folder, String passwordFile, List<Integer> bindPorts, Duration pollInterval) {

    public CcsSettings {
        Objects.requireNonNull(passwordFile, "passwordFile");
        bindPorts = List.copyOf(bindPorts);
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    public static CcsSettings from(NodeConfig c) {
        List<Integer> ports = new ArrayList<>();
        for (String p : c.list("ccs.bindPorts")) {
            try {
                ports.add(Ports.parse(p, "ccs.bindPorts"));
            } catch (IllegalArgumentException e) {
                throw new NodeConfig.ConfigError(e.getMessage());
            }
        }
        String folder = c.string("ccs.folder");
        return new CcsSettings(folder.isEmpty() ? null : Path.of(folder), c.string("ccs.passwordFile"), ports,
                c.duration("ccs.pollInterval"));
    }

    /** The folder's shared PFX password, read from {@link #passwordFile} (empty when not set). */
    public char[] password() {
        if (passwordFile.isEmpty()) {
            return new char[0];
        }
        try {
            return Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new NodeConfig.ConfigError("cannot read ccs.passwordFile " + passwordFile + ": " + e.getMessage());
        }
    }
}
