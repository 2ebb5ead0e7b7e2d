package io.ccsfront.bench.gatling;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Parameters of the simulations: {@code -Dname=value} on the Maven command line, else the file
 * the set-up script writes ({@code loadtest/target/ccsfront-bench/bench.properties}, or the file
 * named by {@code -Dbench.env}), else a default.
 *
 * <ul>
 *   <li>{@code target}: comma-separated HTTPS endpoints {@code IP:PORT} of the node(s); each hostname
 *       always goes to the same one (a hash of the name; through Gatling's {@code hostNameAliases}: the URL keeps
 *       the hostname, so the SNI and Host carry it);</li>
 *   <li>{@code admin}: comma-separated admin API base URLs; {@code token}: the bearer token;</li>
 *   <li>{@code hostsFile}: {@code host,worker,kind} CSV written by {@code CertGen}.</li>
 * </ul>
 */
final class BenchEnv {

    private final Properties file = new Properties();

    BenchEnv() {
        String explicit = System.getProperty("bench.env");
        List<Path> candidates = explicit != null ? List.of(Path.of(explicit))
                : List.of(Path.of("target/ccsfront-bench/bench.properties"), Path.of("loadtest/target/ccsfront-bench/bench.properties"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                try (Reader r = Files.newBufferedReader(p)) {
                    file.load(r);
                } catch (IOException e) {
                    throw new IllegalStateException(p + ": " + e, e);
                }
                break;
            }
        }
    }

    String get(String name, String def) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            v = file.getProperty(name);
        }
        return v == null || v.isBlank() ? def : v.trim();
    }

    int integer(String name, int def) {
        return Integer.parseInt(get(name, Integer.toString(def)));
    }

    double number(String name, double def) {
        return Double.parseDouble(get(name, Double.toString(def)));
    }

    List<String> targets() {
        return List.of(get("target", "127.0.0.1:18443").split(","));
    }

    List<String> admins() {
        return List.of(get("admin", "http://127.0.0.1:19090").split(","));
    }

    String token() {
        return get("token", "");
    }

    /** One hostname of the run: where to send it and which worker must answer. */
    record Host(String host, String worker, String kind, String ip, int port) {
        Map<String, Object> record() {
            Map<String, Object> m = new HashMap<>();
            m.put("host", host);
            m.put("worker", worker);
            m.put("port", port);
            m.put("url", "https://" + host + ":" + port + "/");
            return m;
        }
    }

    /** {@code count} hostnames of the hosts file (all when count <= 0) after the first {@code offset}, each given an endpoint. */
    List<Host> hosts(int count, String kindFilter) {
        Path p = Path.of(get("hostsFile", "target/ccsfront-bench/data/hosts.csv"));
        if (!Files.isRegularFile(p) && Files.isRegularFile(Path.of("loadtest").resolve(p))) {
            p = Path.of("loadtest").resolve(p);
        }
        List<String> targets = targets();
        List<Host> out = new ArrayList<>();
        int skip = integer("offset", 0);
        try (var lines = Files.lines(p)) {
            for (String line : (Iterable<String>) lines.skip(1)::iterator) {
                String[] f = line.split(",");
                if (kindFilter != null && !kindFilter.equals(f[2])) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                    continue;
                }
                String t = targetFor(f[0], targets);
                int c = t.lastIndexOf(':');
                out.add(new Host(f[0], f[1], f[2], t.substring(0, c), Integer.parseInt(t.substring(c + 1))));
                if (count > 0 && out.size() >= count) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("hosts file " + p.toAbsolutePath() + " (run loadtest/scripts/gatling/setup.sh first): " + e, e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no hostnames in " + p.toAbsolutePath());
        }
        return out;
    }

    /** The endpoint for a hostname: stable across simulations, so a hostname always goes to the same node. */
    static String targetFor(String host, List<String> targets) {
        return targets.get(Math.floorMod(host.hashCode() * 0x9E3779B9, targets.size()));
    }

    static List<Map<String, Object>> records(List<Host> hosts) {
        List<Map<String, Object>> r = new ArrayList<>(hosts.size());
        hosts.forEach(h -> r.add(h.record()));
        return r;
    }

    void describe(String simulation, String more) {
        System.out.printf("%s: target=%s admin=%s hostsFile=%s %s%n", simulation, targets(), admins(),
                get("hostsFile", "target/ccsfront-bench/data/hosts.csv"), more);
    }
}
