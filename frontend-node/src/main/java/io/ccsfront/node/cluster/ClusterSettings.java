package io.ccsfront.node.cluster;

import io.ccsfront.node.config.NodeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cluster options ({@code cluster.*}), typed and validated.
 *
 * @param enabled              embed a Hazelcast member; false runs a standalone node
 * @param members              static member list, {@code HOST[:PORT]}; empty for this node alone
 * @param kubernetesServiceDns headless Service DNS name for Kubernetes discovery; empty for the member list
 * @param trustedInterfaces    addresses allowed to join; empty for the member list's hosts
 */
public record ClusterSettings(boolean enabled, String name, int port, String bindAddress, List<String> members,
                              String kubernetesServiceDns, List<String> trustedInterfaces, int initialMembers, Duration joinTimeout) {

    public ClusterSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bindAddress, "bindAddress");
        members = List.copyOf(members);
        Objects.requireNonNull(kubernetesServiceDns, "kubernetesServiceDns");
        trustedInterfaces = List.copyOf(trustedInterfaces);
        Objects.requireNonNull(joinTimeout, "joinTimeout");
    }

    /** Reads the options; the numbers are checked only when the cluster is enabled, as the member needs them. */
    public static ClusterSettings from(NodeConfig c) {
        boolean enabled = c.bool("cluster.enabled");
        return new ClusterSettings(enabled, c.string("cluster.name"), enabled ? c.integer("cluster.port", 1, 65535) : 0,
                c.string("cluster.bindAddress"), c.list("cluster.members"), c.string("cluster.kubernetes.serviceDns"),
                c.list("cluster.trustedInterfaces"), enabled ? c.integer("cluster.initialMembers", 1, 1000) : 1,
                c.duration("cluster.joinTimeout"));
    }

    /** The addresses accepted as members: {@code trustedInterfaces}, else the hosts of the member list. */
    public List<String> trusted() {
        if (!trustedInterfaces.isEmpty()) {
            return trustedInterfaces;
        }
        List<String> out = new ArrayList<>();
        for (String m : members) {
            int c = m.lastIndexOf(':');
            out.add(c > 0 && m.indexOf(':') == c ? m.substring(0, c) : m);
        }
        return out;
    }
}
