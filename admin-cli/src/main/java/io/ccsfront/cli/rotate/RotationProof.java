package io.ccsfront.cli.rotate;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proves a rotation by real handshakes: for every cluster member and every probe the API planned
 * (an affected binding or CCS entry), connect — to the binding's IP for a specific ipport binding,
 * else to the member's HTTPS endpoint on that port ({@code ::1} for an IPv6 wildcard binding on a
 * loopback member) — with the probe's SNI, and retry until each serves NEW or the wait is over.
 */
final class RotationProof {

    /** One handshake to make: where, and what it proves. */
    record Check(String member, String target, HandshakeProbe.Endpoint endpoint, String sni) {
        String describe() {
            return target + " via " + endpoint + (sni == null ? " (no SNI)" : " (SNI " + sni + ")");
        }
    }

    final List<Check> checks = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
    final Map<Check, HandshakeProbe.Result> results = new LinkedHashMap<>();

    RotationProof(JsonNode members, JsonNode probes) {
        List<String> seen = new ArrayList<>();
        for (JsonNode m : members) {
            String name = m.path("name").asText();
            for (JsonNode p : probes) {
                Check c = check(name, m.path("httpsEndpoints"), p);
                if (c != null && !seen.contains(c.endpoint() + " " + c.sni())) {
                    seen.add(c.endpoint() + " " + c.sni());
                    checks.add(c);
                }
            }
        }
    }

    private Check check(String member, JsonNode endpoints, JsonNode p) {
        int port = p.path("port").asInt();
        String sni = p.hasNonNull("sni") ? p.get("sni").asText() : null;
        String target = p.path("target").asText();
        String ip = p.hasNonNull("ip") ? p.get("ip").asText() : null;
        if (!p.path("viaMemberEndpoint").asBoolean()) {
            return new Check(member, target, new HandshakeProbe.Endpoint(ip, port), sni);
        }
        HandshakeProbe.Endpoint e = null;
        for (JsonNode x : endpoints) {
            HandshakeProbe.Endpoint candidate = HandshakeProbe.endpoint(x.asText());
            if (candidate != null && candidate.port() == port) {
                e = candidate;
                break;
            }
        }
        if (e == null) {
            skipped.add(member + ": " + target + " - no HTTPS listener on port " + port);
            return null;
        }
        if ("::".equals(ip)) {
            if (e.host().indexOf(':') >= 0) {
                return new Check(member, target, e, sni);
            }
            if (e.host().startsWith("127.") || e.host().equals("localhost")) {
                return new Check(member, target, new HandshakeProbe.Endpoint("::1", port), sni);
            }
            skipped.add(member + ": " + target + " - the member has no IPv6 endpoint on port " + port);
            return null;
        }
        return new Check(member, target, e, sni);
    }

    /** Handshakes until every check serves {@code expected} or {@code wait} is over; true when all do. */
    boolean run(String expected, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            boolean all = true;
            for (Check c : checks) {
                HandshakeProbe.Result prior = results.get(c);
                if (prior != null && expected.equals(prior.thumbprint())) {
                    continue;
                }
                HandshakeProbe.Result r = HandshakeProbe.handshake(c.endpoint().host(), c.endpoint().port(), c.sni(), Duration.ofSeconds(5));
                results.put(c, r);
                all &= expected.equals(r.thumbprint());
            }
            if (all || System.nanoTime() >= deadline) {
                return all && !checks.isEmpty();
            }
            Thread.sleep(500);
        }
    }
}
