package io.ccsfront.node.config;

import io.ccsfront.cert.KeyProtector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's two secrets: the cluster master key (seals private keys) and the admin bearer
 * token. Each comes from its option's value (normally an environment variable fed by a
 * Kubernetes Secret), else from a file; on the embedded default both files are created in the
 * data folder on first start, readable by the owner only. Neither is ever logged.
 */
public final class Secrets {

    private static final Logger LOG = LoggerFactory.getLogger(Secrets.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** The master key(s): current from masterKey.value or masterKey.file, retired ones from masterKey.retiredFiles. */
    public static KeyProtector masterKey(SecretSettings c, Path dataDir) {
        byte[] current;
        String value = c.masterKeyValue();
        if (!value.isEmpty()) {
            current = decodeKey(value, "masterKey.value");
        } else {
            Path file = c.masterKeyFile().isEmpty() ? dataDir.resolve("master.key") : Path.of(c.masterKeyFile());
            current = decodeKey(readOrCreate(file, () -> Base64.getEncoder().encodeToString(KeyProtector.newMasterKey()), "master key"),
                    file.toString());
        }
        List<byte[]> retired = new ArrayList<>();
        for (String f : c.retiredKeyFiles()) {
            try {
                retired.add(decodeKey(Files.readString(Path.of(f)).strip(), f));
            } catch (IOException e) {
                throw new NodeConfig.ConfigError("cannot read retired master key file " + f + ": " + e.getMessage());
            }
        }
        return KeyProtector.of(current, retired.toArray(byte[][]::new));
    }

    /** The admin bearer token: admin.token, else admin.tokenFile, else <dataDir>/admin.token (created). */
    public static String adminToken(SecretSettings c, Path dataDir) {
        String value = c.adminToken();
        if (!value.isEmpty()) {
            return checkToken(value, "admin.token");
        }
        Path file = c.adminTokenFile().isEmpty() ? dataDir.resolve("admin.token") : Path.of(c.adminTokenFile());
        return checkToken(readOrCreate(file, Secrets::newToken, "admin token"), file.toString());
    }

    /** Where the admin token comes from, for messages (the file, or the option); never the token. */
    public static String adminTokenSource(SecretSettings c, Path dataDir) {
        if (!c.adminToken().isEmpty()) {
            return "the option admin.token (CCSFRONT_ADMIN_TOKEN)";
        }
        return (c.adminTokenFile().isEmpty() ? dataDir.resolve("admin.token") : Path.of(c.adminTokenFile())).toString();
    }

    /** 32 random bytes, URL-safe base64. */
    public static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String checkToken(String token, String where) {
        String t = token.strip();
        if (t.length() < 16) {
            throw new NodeConfig.ConfigError("admin token from " + where + " is too short (at least 16 characters)");
        }
        return t;
    }

    private static byte[] decodeKey(String text, String where) {
        try {
            byte[] k = Base64.getDecoder().decode(text.strip());
            if (k.length != 32) {
                throw new NodeConfig.ConfigError("master key from " + where + " must be 32 bytes (base64 of 32 random bytes), got " + k.length);
            }
            return k;
        } catch (IllegalArgumentException e) {
            throw new NodeConfig.ConfigError("master key from " + where + " is not base64");
        }
    }

    private static String readOrCreate(Path file, Supplier<String> create, String what) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            String v = create.get();
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.writeString(file, v + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            LOG.info("created {} in {} (owner-only permissions)", what, file);
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the " + what + " file " + file + ": " + e.getMessage(), e);
        }
    }
}
