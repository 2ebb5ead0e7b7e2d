package io.ccsfront.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The node's settings: defaults, then the YAML file, then {@code CCSFRONT_*} environment
 * variables, then {@code --set path=value}; later sources win. Unknown keys are refused by
 * name, so a typo never silently falls back to a default. Typed getters validate and name the
 * option in their errors.
 */
public final class NodeConfig {

    private final Map<String, String> values;
    private final Map<String, String> sources;

    private NodeConfig(Map<String, String> values, Map<String, String> sources) {
        this.values = values;
        this.sources = sources;
    }

    /** Loads settings; {@code yaml} may be null, {@code env} is usually {@code System.getenv()}. */
    public static NodeConfig load(Path yaml, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> values = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        for (Option o : Option.ALL) {
            values.put(o.path(), o.defaultValue());
            sources.put(o.path(), "default");
        }
        if (yaml != null) {
            Map<String, String> fromFile = readYaml(yaml);
            fromFile.forEach((k, v) -> {
                values.put(k, v);
                sources.put(k, yaml.toString());
            });
        }
        for (Option o : Option.ALL) {
            String v = env.get(o.envName());
            if (v != null) {
                values.put(o.path(), v);
                sources.put(o.path(), "env " + o.envName());
            }
        }
        overrides.forEach((k, v) -> {
            if (Option.find(k) == null) {
                throw new ConfigError("unknown option " + k + " (see --help for the list)");
            }
            values.put(k, v);
            sources.put(k, "command line");
        });
        return new NodeConfig(values, sources);
    }

    public static NodeConfig defaults() {
        return load(null, Map.of(), Map.of());
    }

    /** A copy with some options changed (tests and --demo use this). */
    public NodeConfig with(Map<String, String> changes) {
        Map<String, String> v = new TreeMap<>(values);
        Map<String, String> s = new TreeMap<>(sources);
        changes.forEach((k, x) -> {
            if (Option.find(k) == null) {
                throw new ConfigError("unknown option " + k);
            }
            v.put(k, x);
            s.put(k, "override");
        });
        return new NodeConfig(v, s);
    }

    public String string(String path) {
        String v = values.get(path);
        if (v == null) {
            throw new ConfigError("unknown option " + path);
        }
        return v.strip();
    }

    public int integer(String path, int min, int max) {
        String v = string(path);
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw new ConfigError(path + " out of range " + min + "-" + max + ": " + v);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new ConfigError(path + " must be a whole number: " + v);
        }
    }

    public long longValue(String path, long min, long max) {
        String v = string(path);
        try {
            long i = Long.parseLong(v);
            if (i < min || i > max) {
                throw new ConfigError(path + " out of range " + min + "-" + max + ": " + v);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new ConfigError(path + " must be a whole number: " + v);
        }
    }

    public boolean bool(String path) {
        String v = string(path).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigError(path + " must be true or false: " + v);
        };
    }

    /** Durations: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 0}. */
    public Duration duration(String path) {
        String v = string(path).toLowerCase(Locale.ROOT);
        try {
            if (v.equals("0")) {
                return Duration.ZERO;
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new ConfigError(path + " must be a duration like 500ms, 10s, 5m or 1h: " + v);
        }
    }

    /** A comma-separated list; empty entries dropped. */
    public List<String> list(String path) {
        List<String> out = new ArrayList<>();
        for (String s : string(path).split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** Every option with its effective value and where it came from (secrets masked). */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            boolean secret = k.equals("admin.token") || k.equals("masterKey.value");
            out.put(k, (secret && !v.isEmpty() ? "(set)" : v) + "  [" + sources.get(k) + "]");
        });
        return out;
    }

    private static Map<String, String> readYaml(Path yaml) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(yaml));
        } catch (IOException e) {
            throw new ConfigError("cannot read configuration file " + yaml + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        Map<String, String> out = new TreeMap<>();
        if (root != null && !root.isNull()) {
            if (!root.isObject()) {
                throw new ConfigError("configuration file " + yaml + " must be a YAML mapping");
            }
            flatten("", root, out, yaml);
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, Path file) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                if (Option.find(path) != null) {
                    out.put(path, scalar(path, e.getValue(), file));
                } else if (e.getValue().isObject() && Option.ALL.stream().anyMatch(o -> o.path().startsWith(path + "."))) {
                    flatten(path, e.getValue(), out, file);
                } else {
                    throw new ConfigError("unknown option " + path + " in " + file + " (see --help for the list)");
                }
            }
        }
    }

    private static String scalar(String path, JsonNode v, Path file) {
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> parts.add(x.asText()));
            return String.join(",", parts);
        }
        if (v.isObject()) {
            throw new ConfigError(path + " in " + file + " must be a value, not a mapping");
        }
        return v.isNull() ? "" : v.asText();
    }

    /** A configuration problem: one line naming the option and the value. */
    public static final class ConfigError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConfigError(String message) {
            super(message);
        }
    }
}
