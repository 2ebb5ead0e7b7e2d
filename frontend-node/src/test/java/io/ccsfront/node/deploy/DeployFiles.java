package io.ccsfront.node.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's deploy/ folder and YAML/JSON reading for the deploy tests. */
final class DeployFiles {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    private DeployFiles() {
    }

    /** The repository root: the nearest folder above the working directory holding deploy/base. */
    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("deploy/base/kustomization.yaml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no deploy/base/kustomization.yaml above " + Path.of("").toAbsolutePath());
    }

    static Path deploy(String relative) {
        return root().resolve("deploy").resolve(relative);
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every non-empty document of a multi-document YAML stream (kubectl kustomize output). */
    static List<JsonNode> yamlDocuments(String text) {
        List<JsonNode> out = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(text)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isNull() && !n.isMissingNode()) {
                    out.add(n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rendered YAML does not parse: " + e.getMessage(), e);
        }
        return out;
    }
}
