package io.ccsfront.node.proxy;

import io.ccsfront.binding.SiteBinding;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.site.Site;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.util.internal.PlatformDependent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A proxy in its own JVM for the streaming tests: a {@link ProxyHandler}-backed HTTP server on
 * 127.0.0.1 (port chosen by the system) whose one site, bound to {@code *:<port>:} (any host),
 * forwards to the worker URL given as the first argument. Prints {@code PORT <n>}; answers
 * {@code stats} on stdin with {@code STATS <peak heap used MB> <peak Netty direct MB> <max heap MB>
 * <peak heap left after a collection MB>} (sampled every 20 ms); exits when stdin ends.
 */
public final class ProxyChildMain {

    private ProxyChildMain() {
    }

    public static void main(String[] args) throws Exception {
        ProxyFixture.quietLogs();
        Vertx vertx = Vertx.vertx();
        AtomicReference<ConfigSnapshot> config = new AtomicReference<>(ConfigSnapshot.empty());
        ProxySettings settings = ProxySettings.defaults();
        ProxyHandler proxy = new ProxyHandler(vertx, config::get, settings, ServedCertificates.fromSslSession(),
                new ProxyMetrics(new SimpleMeterRegistry(), List.of()));
        HttpServer server = vertx.createHttpServer(settings.applyTo(new HttpServerOptions()).setHost("127.0.0.1").setPort(0))
                .requestHandler(proxy);
        server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        int port = server.actualPort();
        config.set(ConfigSnapshot.builder().putSite(new Site("stream", 1,
                List.of(SiteBinding.parse(SiteBinding.Protocol.HTTP, "*:" + port + ":", 0)), List.of(URI.create(args[0])))).build());

        AtomicLong heapPeak = new AtomicLong();
        AtomicLong directPeak = new AtomicLong();
        AtomicLong afterGcPeak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (true) {
                long heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                        .mapToLong(p -> p.getUsage().getUsed()).sum();
                heapPeak.accumulateAndGet(heap, Math::max);
                long afterGc = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null)
                        .mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
                afterGcPeak.accumulateAndGet(afterGc, Math::max);
                directPeak.accumulateAndGet(PlatformDependent.usedDirectMemory(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "memory-sampler");
        sampler.setDaemon(true);
        sampler.start();

        System.out.println("PORT " + port);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("stats")) {
                System.out.println("STATS " + (heapPeak.get() >> 20) + " " + (directPeak.get() >> 20) + " "
                        + (Runtime.getRuntime().maxMemory() >> 20) + " " + (afterGcPeak.get() >> 20));
                System.out.flush();
            }
        }
        System.exit(0);
    }
}
