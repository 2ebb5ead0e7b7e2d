package io.ccsfront.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.ccsfront.bench.scale.CertGen;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The handshake load of {@link HandshakeSimulation} (one request per new TLS connection, open
 * model at {@code rate}/s) over the 50 hostnames {@code h<i>.rot.bench.test} of the site
 * {@code rot} — served by the CCS wildcard entry {@code _.rot.bench.test} — interleaved with
 * {@code hosts} other hostnames, while a second scenario rotates that entry {@code rotations}
 * times, every {@code intervalSeconds}, through the admin API: import a fresh certificate for
 * {@code *.rot.bench.test} ({@code POST /admin/v1/certificates}) and rotate OLD → NEW
 * ({@code POST /admin/v1/rotate}) on one node, the next node for the next rotation (round robin
 * over {@code admin}). With {@code -DrotateOnOtherNode=true} the rotation goes to another node than
 * the import — which fails with 404 when that node has not applied the import yet (no read-your-
 * writes across nodes; docs/BENCHMARKS.md).
 *
 * <p>Assertions: no failed request at all — a failed handshake, a 421 (the certificate of the
 * connection does not cover the host), a wrong worker or any non-200 fails the run — and every
 * rotation committed.
 *
 * <pre>mvn -B -pl loadtest -am -Pgatling verify -DskipTests -Dgatling.simulationClass=io.ccsfront.bench.gatling.RotationUnderLoadSimulation \
 *     [-Drate=60] [-Drotations=20] [-DintervalSeconds=3] [-Dhosts=50]</pre>
 */
public class RotationUnderLoadSimulation extends Simulation {

    final BenchEnv env = new BenchEnv();
    final int rotations = env.integer("rotations", 20);
    final int interval = env.integer("intervalSeconds", 3);
    final double rate = env.number("rate", 60);
    final List<String> admins = env.admins();
    final String auth = "Bearer " + env.token();
    /** 0: rotate on the node that imported NEW; 1 (-DrotateOnOtherNode=true): on the next node (see docs/BENCHMARKS.md). */
    final int rotateOffset = Boolean.parseBoolean(env.get("rotateOnOtherNode", "false")) ? 1 : 0;
    final List<BenchEnv.Host> hosts = mix(env);
    final List<String> newCertificates = certificates(rotations);

    static List<BenchEnv.Host> mix(BenchEnv env) {
        List<BenchEnv.Host> others = env.hosts(env.integer("hosts", 50), null);
        List<String> targets = env.targets();
        List<BenchEnv.Host> out = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String h = "h" + i + ".rot.bench.test";
            String t = BenchEnv.targetFor(h, targets);
            int c = t.lastIndexOf(':');
            out.add(new BenchEnv.Host("h" + i + ".rot.bench.test", "rot", "rot", t.substring(0, c), Integer.parseInt(t.substring(c + 1))));
            if (i < others.size()) {
                out.add(others.get(i));
            }
        }
        out.addAll(others.subList(Math.min(50, others.size()), others.size()));
        return out;
    }

    static List<String> certificates(int n) {
        try {
            CertGen gen = new CertGen();
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String pem = gen.issuePem("*.rot.bench.test");
                out.add("{\"store\":\"MY\",\"fileName\":\"rot" + i + ".pem\",\"file\":\""
                        + Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII)) + "\"}");
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String admin(int i) {
        return admins.get(Math.floorMod(i, admins.size()));
    }

    final HttpProtocolBuilder tls = http.disableWarmUp()
            .asyncNameResolution(BenchDns.serve(hosts))
            .connectionHeader("close")
            .userAgentHeader("ccsfront-gatling");

    final HttpProtocolBuilder adminHttp = http.disableWarmUp().header("Authorization", auth).userAgentHeader("ccsfront-gatling-admin");

    final ScenarioBuilder rotate = scenario("rotations through the admin API")
            .exec(http("GET ccs _.rot.bench.test").get(admin(0) + "/admin/v1/ccs/_.rot.bench.test")
                    .check(status().is(200), jmesPath("certificate.thumbprint").saveAs("current")))
            .repeat(rotations, "r").on(
                    pause(Duration.ofSeconds(interval)),
                    exec(http("import NEW").post(s -> admin(s.getInt("r")) + "/admin/v1/certificates")
                            .body(StringBody(s -> newCertificates.get(s.getInt("r")))).asJson()
                            .check(status().in(200, 201), jmesPath("thumbprint").saveAs("next"))),
                    exec(http("rotate").post(s -> admin(s.getInt("r") + rotateOffset) + "/admin/v1/rotate")
                            .body(StringBody("{\"from\":\"#{current}\",\"to\":\"#{next}\"}")).asJson()
                            .check(status().is(200))),
                    exec(s -> s.set("current", s.getString("next"))));

    {
        env.describe("RotationUnderLoadSimulation", "hostnames=" + hosts.size() + " rate=" + rate + "/s rotations=" + rotations
                + " every " + interval + " s");
        int seconds = rotations * interval + 10;
        setUp(HandshakeSimulation.handshakes("new connection per request", hosts)
                        .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds))).protocols(tls),
                rotate.injectOpen(atOnceUsers(1)).protocols(adminHttp))
                .maxDuration(Duration.ofSeconds(seconds + 120))
                .assertions(global().failedRequests().count().is(0L),
                        details("rotate").successfulRequests().count().is((long) rotations));
    }
}
