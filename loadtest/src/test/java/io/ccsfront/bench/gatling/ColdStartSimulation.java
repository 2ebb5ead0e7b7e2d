package io.ccsfront.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;

/**
 * The first handshake for each CCS hostname: {@code hosts} (default 100,000) CCS hostnames of the
 * generated data, EACH ONCE (a queue feeder), one request per new TLS connection, spread evenly
 * over {@code hosts / rate} seconds and over the {@code target} endpoints. Right after the data
 * is loaded (or the nodes restarted) no node has prepared any of these certificates, so every
 * handshake pays for the lookup, the chain parse, the key unseal and BoringSSL's key import.
 * The response time (TCP connect + full handshake + request through the proxy) is the cold
 * latency; its percentiles are in the report ("cold handshake+GET").
 *
 * <pre>mvn -B -pl loadtest -am -Pgatling verify -DskipTests -Dgatling.simulationClass=io.ccsfront.bench.gatling.ColdStartSimulation \
 *     [-Dhosts=100000] [-Drate=200]</pre>
 */
public class ColdStartSimulation extends Simulation {

    final BenchEnv env = new BenchEnv();
    final List<BenchEnv.Host> hosts = env.hosts(env.integer("hosts", 100_000), "ccs");
    final double rate = env.number("rate", 200);

    final HttpProtocolBuilder protocol = http.disableWarmUp()
            .asyncNameResolution(BenchDns.serve(hosts))
            .connectionHeader("close")
            .userAgentHeader("ccsfront-gatling");

    {
        int seconds = (int) Math.max(1, Math.ceil(hosts.size() / rate));
        env.describe("ColdStartSimulation", "hostnames=" + hosts.size() + " over " + seconds + " s");
        setUp(scenario("each CCS hostname once")
                .feed(listFeeder(BenchEnv.records(hosts)).queue())
                .exec(http("cold handshake+GET").get("#{url}")
                        .check(status().is(200))
                        .check(substring("worker=#{worker} host=#{host}").exists()))
                .injectOpen(rampUsers(hosts.size()).during(Duration.ofSeconds(seconds)))
                .protocols(protocol))
                .maxDuration(Duration.ofSeconds(seconds + 300))
                .assertions(global().failedRequests().percent().lte(env.number("maxFailedPercent", 0)));
    }
}
