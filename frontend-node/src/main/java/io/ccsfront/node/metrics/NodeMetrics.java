package io.ccsfront.node.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.netty4.NettyAllocatorMetrics;
import io.micrometer.core.instrument.binder.netty4.NettyEventExecutorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;

/** The node's meter registry and the process-wide meters: JVM, Vert.x's own, Netty's event loops and buffers. */
public final class NodeMetrics {

    private NodeMetrics() {
    }

    /** The Prometheus registry, every series tagged with the node's name, with the JVM's meters bound. */
    public static PrometheusMeterRegistry registry(String nodeName) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("node", nodeName);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        return registry;
    }

    /** Vert.x's metrics options: its server metrics off unless {@code -Dccsfront.vertxServerMetrics=true}. */
    public static MicrometerMetricsOptions vertxOptions() {
        MicrometerMetricsOptions vertxMetrics = new MicrometerMetricsOptions().setEnabled(true);
        if (!Boolean.getBoolean("ccsfront.vertxServerMetrics")) {
            // Vert.x's server metrics register or look up meters on every connection and response
            // (MeterRegistry.getOrCreateMeter on the event loop, ~9 % of its Java time per handshake);
            // ccsfront.tls.*, ccsfront.proxy.* and ccsfront.listener.connections cover what they told
            vertxMetrics.addDisabledMetricsCategory(MetricsDomain.NET_SERVER).addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER);
        } else {
            vertxMetrics.addLabels(Label.LOCAL);
        }
        return vertxMetrics;
    }

    /** Event-loop pending tasks and Netty's pooled buffers (Vert.x's own metrics cover its clients and pools). */
    public static void bindNetty(EventLoopGroup eventLoops, PrometheusMeterRegistry registry) {
        new NettyEventExecutorMetrics(eventLoops).bindTo(registry);
        new NettyAllocatorMetrics(PooledByteBufAllocator.DEFAULT).bindTo(registry);
    }
}
