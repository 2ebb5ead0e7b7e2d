/**
 * Process and configuration metrics: the node's registry with the JVM's, Vert.x's and Netty's
 * meters ({@link io.ccsfront.node.metrics.NodeMetrics}) and the configuration's version, lag and
 * members ({@link io.ccsfront.node.metrics.ConfigMetrics}). Names are documented in docs/METRICS.md;
 * tags are bounded.
 *
 * <p>Never imports {@code admin}, {@code cluster}, {@code proxy} or {@code tls}.
 */
package io.ccsfront.node.metrics;
