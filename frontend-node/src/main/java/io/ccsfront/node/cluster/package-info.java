/**
 * The cluster: an embedded Hazelcast member ({@link io.ccsfront.node.cluster.HazelcastMember},
 * {@link io.ccsfront.node.cluster.ClusterSettings}), the replicated configuration service with its
 * journal, checkpoints and reconciliation on join ({@link io.ccsfront.node.cluster.ClusterConfigService}),
 * and the member list other nodes and {@code ccsctl} read ({@link io.ccsfront.node.cluster.ClusterView}).
 * Only adapters: what is replicated is encoded by {@code io.ccsfront.store}.
 *
 * <p>Never imports {@code admin}, {@code proxy} or {@code tls}.
 */
package io.ccsfront.node.cluster;
