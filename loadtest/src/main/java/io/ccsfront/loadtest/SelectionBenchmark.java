package io.ccsfront.loadtest;

import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.loadtest.Requests.Mix;
import io.ccsfront.loadtest.Requests.Request;
import io.ccsfront.selection.CertificateHealth;
import io.ccsfront.selection.Decision;
import io.ccsfront.selection.Selector;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link Selector#select} call per operation — the per-handshake certificate choice — over
 * a high-density table ({@link SelectionTables}: 100,000 CCS hostnames, 10,000 SNI bindings,
 * 100 IP bindings and the two wildcards), replaying 4,096 pre-built handshakes of one
 * {@code mix} in turn. Requirement: median under 1 µs, and allocation per call that does not
 * grow with the tables (compare {@code gc.alloc.rate.norm} at {@code -p ccsHostnames=1000}).
 *
 * <pre>
 *   java -jar loadtest/target/benchmarks.jar SelectionBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SelectionBenchmark {

    private static final int REQUESTS = 4096;

    @Param({"ccs-exact", "ccs-wildcard", "sni-binding", "miss-to-wildcard", "no-sni", "ipv6", "ip-port"})
    public String mix;

    @Param("100000")
    public int ccsHostnames;

    @Param("10000")
    public int sniBindings;

    @Param("100")
    public int ipBindings;

    @Param("200")
    public int certificates;

    private ConfigSnapshot snapshot;
    private Selector selector;
    private Request[] requests;

    /** The next request per thread. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() {
        snapshot = SelectionTables.build(CertificatePool.generate(certificates), ccsHostnames, sniBindings, ipBindings);
        selector = Selector.strict();
        Mix m = Mix.parse(mix);
        requests = Requests.generate(m, REQUESTS, ccsHostnames, sniBindings, ipBindings, 42);
        for (Request r : requests) {
            Decision d = selector.select(snapshot, r.local(), SelectionTables.PORT, r.sni(), CertificateHealth.ALL_USABLE);
            if (!d.selected() || !m.levels.contains(d.level())) {
                throw new IllegalStateException("mix " + mix + " expects levels " + m.levels + " but " + r + " got "
                        + d.outcome() + " at " + d.level());
            }
        }
    }

    @Benchmark
    public Decision select(Cursor cursor) {
        Request r = requests[cursor.next++ & (REQUESTS - 1)];
        return selector.select(snapshot, r.local(), SelectionTables.PORT, r.sni(), CertificateHealth.ALL_USABLE);
    }
}
