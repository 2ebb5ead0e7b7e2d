package io.ccsfront.node.cluster;

import java.util.List;

/**
 * What this node knows of the cluster, for {@code ccsctl cluster status} and {@code rotate}'s
 * proof: every member with the addresses to probe it. A standalone node is a cluster of one.
 */
public interface ClusterView {

    /** The members, this node included, sorted by name. */
    List<Member> members();

    /** This node's name. */
    String self();

    /**
     * One member: its name, its admin API base URL ({@code http://127.0.0.1:9090}), the
     * addresses its HTTPS listeners accept on ({@code 127.0.0.1:8443}), its configuration version
     * as it last reported it, and whether it is this node.
     */
    record Member(String name, String adminUrl, List<String> httpsEndpoints, long configVersion, boolean self) {
        public Member {
            httpsEndpoints = List.copyOf(httpsEndpoints);
        }
    }
}
