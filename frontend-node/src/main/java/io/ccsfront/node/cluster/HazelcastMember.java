package io.ccsfront.node.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and starts the node's embedded Hazelcast member from the {@code cluster.*} options.
 *
 * <p>Joining is by a static TCP/IP member list (local runs, tests, VMs) or by Kubernetes DNS
 * discovery through a headless Service; multicast, auto-detection and phone-home are off. The
 * open-source edition has no member-to-member TLS: the cluster's data is protected end to end
 * instead (private keys sealed with the master key, journal records authenticated with an HMAC
 * derived from it; see docs/CLUSTER.md), and only addresses in {@code cluster.trustedInterfaces}
 * (default: the member list) are accepted as members.
 */
public final class HazelcastMember {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastMember.class);
    static final String JOURNAL = "ccsfront.journal";
    static final String CHECKPOINT = "ccsfront.checkpoint";
    static final String MEMBERS = "ccsfront.members";
    static final String TICKETS = "ccsfront.tickets";

    private HazelcastMember() {
    }

    public static HazelcastInstance start(ClusterSettings c, String nodeName) {
        return Hazelcast.newHazelcastInstance(config(c, nodeName));
    }

    static Config config(ClusterSettings c, String nodeName) {
        Config cfg = new Config();
        cfg.setClusterName(c.name());
        cfg.setInstanceName("ccsfront-" + nodeName + "-" + Long.toHexString(System.nanoTime()));
        cfg.setProperty("hazelcast.phone.home.enabled", "false");
        cfg.setProperty("hazelcast.logging.type", "slf4j");
        cfg.setProperty("hazelcast.shutdownhook.enabled", "false");
        cfg.setProperty("hazelcast.socket.bind.any", "false");
        cfg.setProperty("hazelcast.local.localAddress", c.bindAddress());
        cfg.setProperty("hazelcast.wait.seconds.before.join", "1");
        cfg.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        cfg.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        cfg.getMemberAttributeConfig().setAttribute("ccsfront.node", nodeName);
        NetworkConfig net = cfg.getNetworkConfig();
        net.setPort(c.port()).setPortAutoIncrement(false);
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        String dns = c.kubernetesServiceDns();
        List<String> members = c.members();
        if (!dns.isEmpty()) {
            join.getKubernetesConfig().setEnabled(true).setProperty("service-dns", dns)
                    .setProperty("service-port", Integer.toString(c.port()));
            LOG.info("cluster {}: Kubernetes DNS discovery through {}", cfg.getClusterName(), dns);
        } else {
            join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
            if (members.isEmpty()) {
                join.getTcpIpConfig().addMember(c.bindAddress() + ":" + c.port());
            } else {
                members.forEach(m -> join.getTcpIpConfig().addMember(m));
            }
            LOG.info("cluster {}: member list {}", cfg.getClusterName(), join.getTcpIpConfig().getMembers());
        }
        cfg.addMapConfig(new MapConfig(JOURNAL).setBackupCount(2).setAsyncBackupCount(0));
        cfg.addMapConfig(new MapConfig(CHECKPOINT).setBackupCount(2));
        cfg.addMapConfig(new MapConfig(MEMBERS).setBackupCount(2));
        cfg.addMapConfig(new MapConfig(TICKETS).setBackupCount(2));
        return cfg;
    }
}
