package io.ccsfront.node.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One overlay rendered by {@code kubectl kustomize}, with lookups by kind and name. */
final class Manifests {

    final String overlay;
    final List<JsonNode> docs;

    private Manifests(String overlay, List<JsonNode> docs) {
        this.overlay = overlay;
        this.docs = docs;
    }

    /** Renders deploy/overlays/{@code overlay}; fails with kubectl's message when it does not render. */
    static Manifests render(Path kubectl, String overlay) {
        Path dir = DeployFiles.deploy("overlays/" + overlay);
        Tools.Result r = Tools.run(Duration.ofSeconds(60), List.of(kubectl.toString(), "kustomize", dir.toString()));
        assertThat(r.exit()).as("kubectl kustomize %s\n%s", dir, r.both()).isZero();
        return new Manifests(overlay, DeployFiles.yamlDocuments(r.out()));
    }

    List<JsonNode> ofKind(String kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode d : docs) {
            if (kind.equals(d.path("kind").asText())) {
                out.add(d);
            }
        }
        return out;
    }

    JsonNode one(String kind) {
        List<JsonNode> all = ofKind(kind);
        assertThat(all).as("%s: exactly one %s", overlay, kind).hasSize(1);
        return all.get(0);
    }

    JsonNode named(String kind, String name) {
        for (JsonNode d : ofKind(kind)) {
            if (name.equals(d.path("metadata").path("name").asText())) {
                return d;
            }
        }
        throw new AssertionError(overlay + ": no " + kind + " named " + name);
    }

    String namespace() {
        return one("Namespace").path("metadata").path("name").asText();
    }

    JsonNode statefulSet() {
        return one("StatefulSet");
    }

    JsonNode podSpec() {
        return statefulSet().path("spec").path("template").path("spec");
    }

    JsonNode container() {
        JsonNode cs = podSpec().path("containers");
        assertThat(cs.size()).as("%s: containers in the node pod", overlay).isEqualTo(1);
        return cs.get(0);
    }

    Map<String, String> podLabels() {
        return strings(statefulSet().path("spec").path("template").path("metadata").path("labels"));
    }

    /** A container port by number or by name, as Services and probes refer to it. */
    int containerPort(JsonNode ref) {
        if (ref.isInt()) {
            return ref.asInt();
        }
        for (JsonNode p : container().path("ports")) {
            if (ref.asText().equals(p.path("name").asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError(overlay + ": no container port named " + ref.asText());
    }

    /** The container port a Service's port (by its own number) forwards to. */
    int targetPort(JsonNode service, int servicePort) {
        for (JsonNode p : service.path("spec").path("ports")) {
            if (p.path("port").asInt() == servicePort) {
                return containerPort(p.has("targetPort") ? p.path("targetPort") : p.path("port"));
            }
        }
        throw new AssertionError(overlay + ": service " + service.path("metadata").path("name").asText() + " has no port " + servicePort);
    }

    /** Whether {@code selector} (matchLabels or a plain label map) selects the node pods. */
    boolean selectsPods(JsonNode selector) {
        JsonNode labels = selector.has("matchLabels") ? selector.path("matchLabels") : selector;
        Map<String, String> want = strings(labels);
        return !want.isEmpty() && podLabels().entrySet().containsAll(want.entrySet());
    }

    static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new HashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
