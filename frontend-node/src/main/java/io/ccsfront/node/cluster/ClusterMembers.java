package io.ccsfront.node.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's members as {@link ClusterView}: each node publishes its name, admin URL, HTTPS
 * endpoints and applied configuration version in the {@code ccsfront.members} map, keyed by its
 * Hazelcast member id; entries of departed members are removed by the oldest member. Also the
 * startup exchange of local versions the {@link Reconciler} needs, and the check that only
 * trusted addresses join.
 */
public final class ClusterMembers implements ClusterView {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMembers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HazelcastInstance hz;
    private final IMap<String, String> map;
    private String selfName;
    private Supplier<ObjectNode> info;

    public ClusterMembers(HazelcastInstance hz) {
        this.hz = hz;
        this.map = hz.getMap(HazelcastMember.MEMBERS);
    }

    /** Starts publishing this node's entry and watching membership. */
    public ClusterMembers publish(String name, String adminUrl, Supplier<List<String>> https, LongSupplier version,
                                  List<String> trustedPatterns) {
        this.selfName = name;
        this.info = () -> {
            ObjectNode n = JSON.createObjectNode().put("name", name).put("adminUrl", adminUrl).put("version", version.getAsLong());
            https.get().forEach(n.putArray("https")::add);
            return n;
        };
        update();
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                checkTrusted(e.getMember(), trustedPatterns);
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                LOG.warn("cluster member {} left", e.getMember());
                if (isOldest()) {
                    map.delete(e.getMember().getUuid().toString());
                }
            }
        });
        for (com.hazelcast.cluster.Member m : hz.getCluster().getMembers()) {
            checkTrusted(m, trustedPatterns);
        }
        return this;
    }

    /** Re-publishes this node's entry (after each applied change). */
    public void update() {
        if (info != null) {
            map.setAsync(hz.getCluster().getLocalMember().getUuid().toString(), info.get().toString());
        }
    }

    @Override
    public List<ClusterView.Member> members() {
        String selfId = hz.getCluster().getLocalMember().getUuid().toString();
        Set<String> live = new java.util.HashSet<>();
        hz.getCluster().getMembers().forEach(m -> live.add(m.getUuid().toString()));
        List<ClusterView.Member> out = new ArrayList<>();
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (!live.contains(e.getKey()) || e.getKey().startsWith("startup:")) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(e.getValue());
                List<String> https = new ArrayList<>();
                n.path("https").forEach(x -> https.add(x.asText()));
                out.add(new ClusterView.Member(n.path("name").asText(), n.path("adminUrl").asText(), https,
                        n.path("version").asLong(), e.getKey().equals(selfId)));
            } catch (IOException ex) {
                LOG.warn("unreadable member entry {}", e.getKey());
            }
        }
        out.sort(Comparator.comparing(ClusterView.Member::name));
        return out;
    }

    @Override
    public String self() {
        return selfName;
    }

    public int size() {
        return hz.getCluster().getMembers().size();
    }

    boolean isOldest() {
        return hz.getCluster().getMembers().iterator().next().localMember();
    }

    void publishStartupVersion(long version) {
        map.set("startup:" + hz.getCluster().getLocalMember().getUuid(), Long.toString(version));
    }

    void awaitStartupVersions(long deadlineNanos) {
        while (System.nanoTime() < deadlineNanos) {
            boolean all = true;
            for (com.hazelcast.cluster.Member m : hz.getCluster().getMembers()) {
                all &= map.containsKey("startup:" + m.getUuid());
            }
            if (all) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    long highestStartupVersion() {
        long max = -1;
        for (com.hazelcast.cluster.Member m : hz.getCluster().getMembers()) {
            String v = map.get("startup:" + m.getUuid());
            if (v != null) {
                max = Math.max(max, Long.parseLong(v));
            }
        }
        return max;
    }

    /** Whether this node is the first (by member order) among those at {@code version}. */
    boolean isLeaderAmongHighest(long version) {
        for (com.hazelcast.cluster.Member m : hz.getCluster().getMembers()) {
            String v = map.get("startup:" + m.getUuid());
            if (v != null && Long.parseLong(v) == version) {
                return m.localMember();
            }
        }
        return true;
    }

    private static void checkTrusted(com.hazelcast.cluster.Member m, List<String> patterns) {
        if (patterns.isEmpty()) {
            return;
        }
        String host = m.getAddress().getHost();
        for (String p : patterns) {
            String regex = p.replace(".", "\\.").replace("*", "[0-9a-fA-F:.]*");
            if (host.matches(regex) || p.equals(host)) {
                return;
            }
        }
        LOG.error("cluster member {} at {} is not in cluster.trustedInterfaces {}: it cannot change the configuration "
                + "(journal records are authenticated with the master key), but it should not be here", m.getUuid(), host, patterns);
    }
}
