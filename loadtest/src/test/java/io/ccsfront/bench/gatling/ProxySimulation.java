package io.ccsfront.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;

/**
 * Request throughput through the node to the real web workers on kept-alive connections:
 * {@code users} virtual users, each on its own connection to one hostname, send requests back to
 * back for {@code seconds} — first over HTTP/1.1 ("h1 GET"), then over HTTP/2 negotiated by ALPN
 * ("h2 GET"). Every response must be 200 from the hostname's site worker.
 *
 * <pre>mvn -B -pl loadtest -am -Pgatling verify -DskipTests -Dgatling.simulationClass=io.ccsfront.bench.gatling.ProxySimulation \
 *     [-Dusers=16] [-Dseconds=30] [-Dhosts=16]</pre>
 */
public class ProxySimulation extends Simulation {

    final BenchEnv env = new BenchEnv();
    final int users = env.integer("users", 16);
    final int seconds = env.integer("seconds", 30);
    final List<BenchEnv.Host> hosts = env.hosts(env.integer("hosts", users), null);

    final HttpProtocolBuilder h1 = http.disableWarmUp().asyncNameResolution(BenchDns.serve(hosts)).userAgentHeader("ccsfront-gatling");
    final HttpProtocolBuilder h2 = http.disableWarmUp().asyncNameResolution(BenchDns.serve(hosts)).userAgentHeader("ccsfront-gatling")
            .enableHttp2();

    ScenarioBuilder keepAlive(String name, String request) {
        return scenario(name)
                .feed(listFeeder(BenchEnv.records(hosts)).circular())
                .during(Duration.ofSeconds(seconds)).on(
                        http(request).get("#{url}")
                                .check(status().is(200))
                                .check(substring("worker=#{worker} host=#{host}").exists()));
    }

    {
        env.describe("ProxySimulation", "users=" + users + " seconds=" + seconds + " hostnames=" + hosts.size());
        setUp(keepAlive("HTTP/1.1 keep-alive", "h1 GET").injectOpen(atOnceUsers(users)).protocols(h1)
                .andThen(keepAlive("HTTP/2", "h2 GET").injectOpen(atOnceUsers(users)).protocols(h2)))
                .maxDuration(Duration.ofSeconds(2L * seconds + 120))
                .assertions(global().failedRequests().count().is(0L));
    }
}
