package io.ccsfront.node.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The alert rules: promtool accepts them, their unit tests (deploy/prometheus/tests) pass and
 * cover every alert both firing and staying quiet, and the Prometheus Operator's copy
 * (deploy/base/prometheusrule.yaml) carries exactly the same groups.
 */
class PrometheusRulesTest {

    static final Path RULES = DeployFiles.deploy("prometheus/ccsfront-alerts.rules.yml");
    static final Path UNIT_TESTS = DeployFiles.deploy("prometheus/tests");

    static Set<String> alertNames() {
        Set<String> out = new TreeSet<>();
        for (JsonNode g : DeployFiles.yaml(RULES).path("groups")) {
            for (JsonNode r : g.path("rules")) {
                if (r.has("alert")) {
                    out.add(r.path("alert").asText());
                }
            }
        }
        return out;
    }

    static List<Path> unitTestFiles() throws IOException {
        try (Stream<Path> s = Files.list(UNIT_TESTS)) {
            return s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @Test
    void prometheusRuleResourceCarriesTheSameGroupsAsTheRulesFile() {
        JsonNode resource = DeployFiles.yaml(DeployFiles.deploy("base/prometheusrule.yaml"));
        assertThat(resource.path("kind").asText()).isEqualTo("PrometheusRule");
        assertThat(resource.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(resource.path("spec").path("groups"))
                .as("deploy/base/prometheusrule.yaml differs from the rules file: run deploy/prometheus/generate-prometheusrule.sh")
                .isEqualTo(DeployFiles.yaml(RULES).path("groups"));
    }

    @Test
    void promtoolAcceptsTheRules() {
        Path promtool = Tools.require("promtool", "prometheus");
        Tools.Result r = Tools.run(Duration.ofSeconds(60), List.of(promtool.toString(), "check", "rules", RULES.toString()));
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.out()).contains(alertNames().size() + " rules found");
    }

    @Test
    void ruleUnitTestsPass() throws IOException {
        Path promtool = Tools.require("promtool", "prometheus");
        List<String> cmd = new ArrayList<>(List.of(promtool.toString(), "test", "rules"));
        unitTestFiles().forEach(p -> cmd.add(p.toString()));
        Tools.Result r = Tools.run(Duration.ofSeconds(120), cmd);
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.both()).doesNotContain("FAILED");
    }

    /** Every alert has a case where it must fire and one where it must not (exp_alerts: []). */
    @Test
    void everyAlertIsTestedFiringAndQuiet() throws IOException {
        Set<String> firing = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        for (Path f : unitTestFiles()) {
            JsonNode doc = DeployFiles.yaml(f);
            assertThat(doc.path("rule_files").toString()).as(f.toString()).contains("ccsfront-alerts.rules.yml");
            for (JsonNode t : doc.path("tests")) {
                for (JsonNode c : t.path("alert_rule_test")) {
                    String name = c.path("alertname").asText();
                    (c.path("exp_alerts").isEmpty() ? quiet : firing).add(name);
                }
            }
        }
        assertThat(firing).as("alerts with a firing case").containsExactlyInAnyOrderElementsOf(alertNames());
        assertThat(quiet).as("alerts with a quiet case").containsExactlyInAnyOrderElementsOf(alertNames());
    }
}
