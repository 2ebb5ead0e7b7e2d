package io.ccsfront.node.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.node.config.Listener;
import io.ccsfront.node.config.NodeConfig;
import io.ccsfront.node.config.NodeSettings;
import io.ccsfront.node.config.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each overlay, rendered by {@code kubectl kustomize}, agrees with the node it runs: the node
 * configuration it produces (ConfigMap + environment, read by the node's own NodeConfig) listens
 * on the ports the container declares, the Services and probes point at, and those are the
 * node's defaults from {@link Option#ALL}; shutdown fits in the grace period; the pod runs
 * non-root on a read-only root; secrets are only referenced; monitoring scrapes /metrics.
 */
class DeployManifestsTest {

    static final String HEALTH_READY = "/health/ready";
    static final String HEALTH_LIVE = "/health/live";
    static final String METRICS = "/metrics";
    static final String JOB = "ccsfront"; // the job the alert rules and the dashboard select

    @TempDir
    Path tmp;

    private static final Map<String, Manifests> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Each overlay is rendered once per run; every test reads the same output. */
    static Manifests render(String overlay) {
        Path kubectl = Tools.require("kubectl", "kubernetes-client");
        return RENDERED.computeIfAbsent(overlay, o -> Manifests.render(kubectl, o));
    }

    static int defaultPort(String option) {
        return option.startsWith("listeners.")
                ? Listener.parse(Option.find(option).defaultValue(), option).port()
                : Integer.parseInt(Option.find(option).defaultValue());
    }

    /** The node configuration the pod starts with: the ConfigMap's file plus the container's environment. */
    NodeConfig effectiveConfig(Manifests m) throws Exception {
        JsonNode cm = m.one("ConfigMap");
        Path file = tmp.resolve(m.overlay + "-ccsfront.yaml");
        Files.writeString(file, cm.path("data").path("ccsfront.yaml").asText());
        return NodeConfig.load(file, environment(m), Map.of());
    }

    /** The container's environment as the kubelet builds it, with sample pod fields; secrets left out. */
    static Map<String, String> environment(Manifests m) {
        Map<String, String> fields = Map.of("metadata.namespace", m.namespace(), "metadata.name", "ccsfront-0",
                "status.podIP", "10.0.0.10");
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode e : m.container().path("env")) {
            String name = e.path("name").asText();
            if (e.has("value")) {
                env.put(name, expand(e.path("value").asText(), env, m.overlay + " env " + name));
            } else if (e.path("valueFrom").has("fieldRef")) {
                env.put(name, fields.get(e.path("valueFrom").path("fieldRef").path("fieldPath").asText()));
            }
        }
        return env;
    }

    /** Kubernetes' $(VAR) expansion: VAR must be defined earlier in the list, or it stays literal. */
    static String expand(String value, Map<String, String> earlier, String where) {
        Matcher v = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)").matcher(value);
        StringBuilder sb = new StringBuilder();
        while (v.find()) {
            assertThat(earlier).as("%s refers to $(%s), which must be defined above it", where, v.group(1))
                    .containsKey(v.group(1));
            v.appendReplacement(sb, Matcher.quoteReplacement(earlier.get(v.group(1))));
        }
        return v.appendTail(sb).toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void rendersTheNodeWorkloadAndNoRbac(String overlay) {
        Manifests m = render(overlay);
        for (String kind : List.of("Namespace", "ConfigMap", "StatefulSet", "PodDisruptionBudget", "NetworkPolicy",
                "ServiceMonitor", "PrometheusRule")) {
            assertThat(m.ofKind(kind)).as("%s: %s", overlay, kind).hasSize(1);
        }
        assertThat(m.ofKind("Service")).as("%s: headless and public Services", overlay).hasSize(2);
        assertThat(m.ofKind("Deployment")).as("nodes keep local state: StatefulSet only").isEmpty();
        for (String rbac : List.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ServiceAccount")) {
            assertThat(m.ofKind(rbac)).as("DNS discovery needs no Kubernetes API access: no %s", rbac).isEmpty();
        }
        assertThat(m.podSpec().path("automountServiceAccountToken").asBoolean(true)).isFalse();
        for (JsonNode d : m.docs) {
            if (!d.path("kind").asText().equals("Namespace")) {
                assertThat(d.path("metadata").path("namespace").asText()).as("%s %s", overlay, d.path("kind").asText())
                        .isEqualTo(m.namespace());
            }
        }
        String image = m.container().path("image").asText();
        assertThat(image).as("%s: image pinned to a tag", overlay).matches(".+:[^:/]+").doesNotEndWith(":latest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void nodeConfigurationListensWhereTheContainerAndServicesPoint(String overlay) throws Exception {
        Manifests m = render(overlay);
        NodeConfig cfg = effectiveConfig(m);
        NodeSettings s = NodeSettings.from(cfg);

        // the ports the node will listen on are the node's defaults ...
        assertThat(s.https()).extracting(Listener::port).containsExactly(defaultPort("listeners.https"));
        assertThat(s.http()).extracting(Listener::port).containsExactly(defaultPort("listeners.http"));
        assertThat(s.adminPort()).isEqualTo(defaultPort("admin.port"));
        assertThat(cfg.integer("cluster.port", 1, 65535)).isEqualTo(defaultPort("cluster.port"));
        // ... and the ports the container declares
        Map<String, Integer> declared = new HashMap<>();
        m.container().path("ports").forEach(p -> declared.put(p.path("name").asText(), p.path("containerPort").asInt()));
        assertThat(declared).containsExactlyInAnyOrderEntriesOf(Map.of("https", s.https().get(0).port(),
                "http", s.http().get(0).port(), "admin", s.adminPort(), "hazelcast", cfg.integer("cluster.port", 1, 65535)));
        // wildcard listeners, and the admin listener reachable by probes and Prometheus
        assertThat(s.https().get(0).host()).isEqualTo("0.0.0.0");
        assertThat(s.http().get(0).host()).isEqualTo("0.0.0.0");
        assertThat(s.adminHost()).isEqualTo("0.0.0.0");

        JsonNode lb = m.named("Service", "ccsfront");
        assertThat(lb.path("spec").path("type").asText()).isEqualTo("LoadBalancer");
        assertThat(m.targetPort(lb, 443)).as("443 -> https listener").isEqualTo(s.https().get(0).port());
        assertThat(m.targetPort(lb, 80)).as("80 -> http listener").isEqualTo(s.http().get(0).port());
        assertThat(m.selectsPods(lb.path("spec").path("selector"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void hazelcastFindsItsPeersThroughTheHeadlessService(String overlay) throws Exception {
        Manifests m = render(overlay);
        NodeConfig cfg = effectiveConfig(m);
        JsonNode sts = m.statefulSet();
        String headless = sts.path("spec").path("serviceName").asText();
        JsonNode svc = m.named("Service", headless);

        assertThat(svc.path("spec").path("clusterIP").asText()).isEqualTo("None");
        assertThat(svc.path("spec").path("publishNotReadyAddresses").asBoolean())
                .as("members must find each other before they are Ready").isTrue();
        assertThat(m.selectsPods(svc.path("spec").path("selector"))).isTrue();
        assertThat(m.targetPort(svc, 5701)).isEqualTo(cfg.integer("cluster.port", 1, 65535));
        assertThat(cfg.string("cluster.kubernetes.serviceDns"))
                .isEqualTo(headless + "." + m.namespace() + ".svc.cluster.local");
        assertThat(cfg.string("cluster.bindAddress")).as("the pod IP").isEqualTo("10.0.0.10");
        assertThat(cfg.string("cluster.members")).as("DNS discovery, not a static list").isEmpty();
        assertThat(cfg.integer("cluster.initialMembers", 1, 1000)).as("wait for every member after a full restart")
                .isEqualTo(sts.path("spec").path("replicas").asInt());
        assertThat(sts.path("spec").path("podManagementPolicy").asText()).isEqualTo("Parallel");
        assertThat(cfg.bool("cluster.enabled")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void probesUseTheHealthEndpointsOnTheAdminPort(String overlay) throws Exception {
        Manifests m = render(overlay);
        int admin = NodeSettings.from(effectiveConfig(m)).adminPort();
        JsonNode c = m.container();
        Map<String, String> expected = Map.of("readinessProbe", HEALTH_READY, "livenessProbe", HEALTH_LIVE, "startupProbe", HEALTH_LIVE);
        expected.forEach((probe, path) -> {
            JsonNode get = c.path(probe).path("httpGet");
            assertThat(get.path("path").asText()).as("%s %s", overlay, probe).isEqualTo(path);
            assertThat(m.containerPort(get.path("port"))).as("%s %s port", overlay, probe).isEqualTo(admin);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void gracePeriodCoversPreStopAndTheDrain(String overlay) throws Exception {
        Manifests m = render(overlay);
        long drain = NodeSettings.from(effectiveConfig(m)).drainTimeout().toSeconds();
        JsonNode preStop = m.container().path("lifecycle").path("preStop").path("exec").path("command");
        assertThat(preStop.get(0).asText()).isEqualTo("sleep");
        long sleep = preStop.get(1).asLong();
        long grace = m.podSpec().path("terminationGracePeriodSeconds").asLong();
        assertThat(grace).as("%s: grace >= preStop %ds + drain %ds + 10s to close Vert.x and leave the cluster", overlay, sleep, drain)
                .isGreaterThanOrEqualTo(sleep + drain + 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void runsNonRootOnAReadOnlyRootWithDataOnItsClaimAndTmpScratch(String overlay) throws Exception {
        Manifests m = render(overlay);
        JsonNode pod = m.podSpec().path("securityContext");
        JsonNode c = m.container().path("securityContext");
        assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("runAsUser").asInt(0)).isPositive();
        assertThat(c.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(c.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(c.path("capabilities").path("drop").toString()).contains("ALL");

        Map<String, String> mounts = new HashMap<>();
        m.container().path("volumeMounts").forEach(v -> mounts.put(v.path("mountPath").asText(), v.path("name").asText()));
        Set<String> emptyDirs = new java.util.HashSet<>();
        m.podSpec().path("volumes").forEach(v -> {
            if (v.has("emptyDir")) {
                emptyDirs.add(v.path("name").asText());
            }
        });
        assertThat(emptyDirs).as("Netty extracts its natives to /tmp").contains(mounts.get("/tmp"));
        String dataDir = effectiveConfig(m).string("node.dataDir");
        String claim = m.statefulSet().path("spec").path("volumeClaimTemplates").get(0).path("metadata").path("name").asText();
        assertThat(mounts.get(dataDir)).as("node.dataDir %s is the per-pod claim", dataDir).isEqualTo(claim);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void secretsAreReferencedNeverCarried(String overlay) throws Exception {
        Manifests m = render(overlay);
        for (JsonNode secret : m.ofKind("Secret")) {
            assertThat(secret.path("data").size() + secret.path("stringData").size())
                    .as("%s: Secret %s carries values", overlay, secret.path("metadata").path("name").asText()).isZero();
        }
        Map<String, JsonNode> env = new HashMap<>();
        m.container().path("env").forEach(e -> env.put(e.path("name").asText(), e));
        for (String name : List.of("CCSFRONT_MASTERKEY_VALUE", "CCSFRONT_ADMIN_TOKEN")) {
            assertThat(env).containsKey(name);
            assertThat(env.get(name).has("value")).as("%s must not be a literal", name).isFalse();
            assertThat(env.get(name).path("valueFrom").path("secretKeyRef").path("name").asText()).isNotEmpty();
        }
        Path file = tmp.resolve("configmap-only.yaml");
        Files.writeString(file, m.one("ConfigMap").path("data").path("ccsfront.yaml").asText());
        NodeConfig fileOnly = NodeConfig.load(file, Map.of(), Map.of());
        for (String option : List.of("masterKey.value", "admin.token")) {
            assertThat(fileOnly.string(option)).as("%s in the ConfigMap", option).isEmpty();
            assertThat(env).as("%s from a Secret", option).containsKey(Option.find(option).envName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void serviceMonitorScrapesMetricsOnTheAdminPortAsJobCcsfront(String overlay) throws Exception {
        Manifests m = render(overlay);
        int admin = NodeSettings.from(effectiveConfig(m)).adminPort();
        JsonNode sm = m.one("ServiceMonitor").path("spec");
        Map<String, String> want = Manifests.strings(sm.path("selector").path("matchLabels"));
        List<JsonNode> selected = m.ofKind("Service").stream()
                .filter(s -> Manifests.strings(s.path("metadata").path("labels")).entrySet().containsAll(want.entrySet())).toList();
        assertThat(selected).as("%s: the ServiceMonitor selects one Service", overlay).hasSize(1);
        JsonNode svc = selected.get(0);
        assertThat(sm.path("endpoints")).isNotEmpty();
        for (JsonNode ep : sm.path("endpoints")) {
            assertThat(ep.path("path").asText()).isEqualTo(METRICS);
            JsonNode port = null;
            for (JsonNode p : svc.path("spec").path("ports")) {
                if (p.path("name").asText().equals(ep.path("port").asText())) {
                    port = p;
                }
            }
            assertThat(port).as("endpoint port %s on the Service", ep.path("port").asText()).isNotNull();
            assertThat(m.containerPort(port.path("targetPort"))).isEqualTo(admin);
        }
        String jobLabel = sm.path("jobLabel").asText();
        assertThat(svc.path("metadata").path("labels").path(jobLabel).asText()).as("job label value").isEqualTo(JOB);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void onlyNodePodsReachTheClusterPort(String overlay) {
        Manifests m = render(overlay);
        JsonNode np = m.one("NetworkPolicy").path("spec");
        assertThat(m.selectsPods(np.path("podSelector"))).isTrue();
        assertThat(np.path("policyTypes").toString()).contains("Ingress");
        int rulesWith5701 = 0;
        for (JsonNode rule : np.path("ingress")) {
            boolean admits5701 = false;
            for (JsonNode p : rule.path("ports")) {
                admits5701 |= p.path("port").asInt() == 5701 || p.path("port").asText().equals("hazelcast");
            }
            if (!admits5701) {
                continue;
            }
            rulesWith5701++;
            assertThat(rule.path("from")).as("5701 from someone").isNotEmpty();
            for (JsonNode peer : rule.path("from")) {
                assertThat(peer.has("namespaceSelector") || peer.has("ipBlock")).as("5701 peer %s", peer).isFalse();
                assertThat(m.selectsPods(peer.path("podSelector"))).as("5701 peer %s", peer).isTrue();
            }
        }
        assertThat(rulesWith5701).isEqualTo(1);
        assertThat(m.selectsPods(m.one("PodDisruptionBudget").path("spec").path("selector"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void prometheusRuleCarriesTheRulesFile(String overlay) {
        Manifests m = render(overlay);
        JsonNode rules = DeployFiles.yaml(DeployFiles.deploy("prometheus/ccsfront-alerts.rules.yml"));
        assertThat(m.one("PrometheusRule").path("spec").path("groups")).isEqualTo(rules.path("groups"));
    }
}
