package io.ccsfront.node.admin;

import io.ccsfront.node.config.NodeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code admin.tokensFile}: further admin identities, one {@code name:token} per line ({@code #}
 * comments and blank lines ignored). The name is what the audit log records as the actor; the
 * node's own token is the identity {@code admin}. Errors name the file and line, never the token.
 */
final class Tokens {

    private Tokens() {
    }

    /** Name to token; empty when {@code file} is empty. */
    static Map<String, String> read(String file) {
        if (file == null || file.isBlank()) {
            return Map.of();
        }
        Path p = Path.of(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NodeConfig.ConfigError("cannot read admin.tokensFile " + p + ": " + e.getMessage());
        }
        return parse(lines, p.toString());
    }

    static Map<String, String> parse(List<String> lines, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String at = where + " line " + (i + 1);
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new NodeConfig.ConfigError(at + " must be name:token");
            }
            String name = line.substring(0, colon).strip();
            String token = line.substring(colon + 1).strip();
            if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
                throw new NodeConfig.ConfigError(at + ": token name must be 1-64 letters, digits, '.', '_', '@' or '-': " + name);
            }
            if (name.equals("admin")) {
                throw new NodeConfig.ConfigError(at + ": the name admin is the node's own token; choose another: " + name);
            }
            if (token.length() < 16) {
                throw new NodeConfig.ConfigError(at + ": token of " + name + " is too short (at least 16 characters)");
            }
            if (out.put(name, token) != null) {
                throw new NodeConfig.ConfigError(at + ": token name given twice: " + name);
            }
        }
        return out;
    }
}
