package io.ccsfront.node.config;

import java.util.List;
import java.util.Objects;

/**
 * Where the node's secrets come from ({@code masterKey.*}, {@code admin.token*}), typed. Values
 * given inline are secrets themselves: {@link #toString()} never shows them.
 *
 * @param masterKeyValue  the master key itself, base64; empty to read {@code masterKeyFile}
 * @param masterKeyFile   the master key's file; empty for {@code <dataDir>/master.key}
 * @param retiredKeyFiles files of retired master keys still accepted for opening keys
 * @param adminToken      the admin token itself; empty to read {@code adminTokenFile}
 * @param adminTokenFile  the admin token's file; empty for {@code <dataDir>/admin.token}
 */
public record SecretSettings(String masterKeyValue, String masterKeyFile, List<String> retiredKeyFiles, String adminToken,
                             String adminTokenFile) {

    public SecretSettings {
        Objects.requireNonNull(masterKeyValue, "masterKeyValue");
        Objects.requireNonNull(masterKeyFile, "masterKeyFile");
        retiredKeyFiles = List.copyOf(retiredKeyFiles);
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(adminTokenFile, "adminTokenFile");
    }

    public static SecretSettings from(NodeConfig c) {
        return new SecretSettings(c.string("masterKey.value"), c.string("masterKey.file"), c.list("masterKey.retiredFiles"),
                c.string("admin.token"), c.string("admin.tokenFile"));
    }

    @Override
    public String toString() {
        return "SecretSettings[masterKeyValue=" + (masterKeyValue.isEmpty() ? "" : "(set)") + ", masterKeyFile=" + masterKeyFile
                + ", retiredKeyFiles=" + retiredKeyFiles + ", adminToken=" + (adminToken.isEmpty() ? "" : "(set)")
                + ", adminTokenFile=" + adminTokenFile + "]";
    }
}
