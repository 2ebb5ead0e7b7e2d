package io.ccsfront.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;

/**
 * Full TLS handshakes: every virtual user makes ONE request on a NEW connection (its own
 * SSLContext, so nothing is resumed; {@code Connection: close}), with the SNI and Host cycling over
 * {@code hosts} hostnames of the generated data, spread over the {@code target} endpoints. Each
 * response must be 200 from the worker of the site the hostname is bound to, echoing that
 * hostname (a 421 — certificate does not cover the host — or any other answer is a failure).
 *
 * <p>Load: an open-model arrival-rate ramp {@code rateFrom → rateTo} new connections per second over
 * {@code rampSeconds}, then {@code holdSeconds} at {@code rateTo}; or, with {@code concurrency=K},
 * a closed model of K users for {@code holdSeconds} (the saturated rate). Assertion: failed
 * requests at most {@code maxFailedPercent} % (default 0).
 *
 * <pre>mvn -B -pl loadtest -am -Pgatling verify -DskipTests -Dgatling.simulationClass=io.ccsfront.bench.gatling.HandshakeSimulation \
 *     [-Dtarget=127.0.0.1:18443,…] [-Dhosts=1000] [-DrateFrom=20] [-DrateTo=200] [-DrampSeconds=60] [-DholdSeconds=30] [-Dconcurrency=K]</pre>
 */
public class HandshakeSimulation extends Simulation {

    final BenchEnv env = new BenchEnv();
    final int hostCount = env.integer("hosts", 1000);
    final List<BenchEnv.Host> hosts = env.hosts(hostCount, env.get("kind", null));

    final HttpProtocolBuilder protocol = http.disableWarmUp()
            .asyncNameResolution(BenchDns.serve(hosts))
            .connectionHeader("close")
            .userAgentHeader("ccsfront-gatling");

    static ScenarioBuilder handshakes(String name, List<BenchEnv.Host> hosts) {
        return scenario(name)
                .feed(listFeeder(BenchEnv.records(hosts)).circular())
                .exec(http("handshake+GET").get("#{url}")
                        .check(status().is(200))
                        .check(substring("worker=#{worker} host=#{host}").exists()));
    }

    PopulationBuilder population(ScenarioBuilder scn) {
        int concurrency = env.integer("concurrency", 0);
        int hold = env.integer("holdSeconds", 30);
        if (concurrency > 0) {
            return scn.injectClosed(constantConcurrentUsers(concurrency).during(Duration.ofSeconds(hold)));
        }
        double from = env.number("rateFrom", 20);
        double to = env.number("rateTo", 200);
        int ramp = env.integer("rampSeconds", 60);
        return scn.injectOpen(rampUsersPerSec(from).to(to).during(Duration.ofSeconds(ramp)),
                constantUsersPerSec(to).during(Duration.ofSeconds(hold)));
    }

    {
        env.describe("HandshakeSimulation", "hosts=" + hosts.size());
        setUp(population(handshakes("new connection per request", hosts)).protocols(protocol))
                .maxDuration(Duration.ofSeconds(env.integer("maxSeconds", 900)))
                .assertions(global().failedRequests().percent().lte(env.number("maxFailedPercent", 0)));
    }
}
