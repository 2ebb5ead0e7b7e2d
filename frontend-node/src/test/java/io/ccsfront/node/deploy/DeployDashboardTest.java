package io.ccsfront.node.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard's shape: importable anywhere (data source chosen by a variable), and a
 * panel for each question an operator asks. That its queries return data against a real node
 * is {@link PrometheusQueriesTest}'s job.
 */
class DeployDashboardTest {

    final JsonNode dashboard = DeployFiles.json(PrometheusQueriesTest.DASHBOARD);

    List<JsonNode> panels() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            out.add(p);
            p.path("panels").forEach(out::add);
        }
        return out;
    }

    @Test
    void everyQueryUsesTheDataSourceVariable() {
        JsonNode ds = dashboard.path("templating").path("list").get(0);
        assertThat(ds.path("type").asText()).isEqualTo("datasource");
        assertThat(ds.path("query").asText()).isEqualTo("prometheus");
        for (JsonNode p : panels()) {
            if (p.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(p.path("datasource").path("uid").asText()).as(p.path("title").asText()).isEqualTo("${datasource}");
            assertThat(p.path("targets")).as(p.path("title").asText()).isNotEmpty();
            p.path("targets").forEach(t -> assertThat(t.path("datasource").path("uid").asText()).isEqualTo("${datasource}"));
        }
    }

    @Test
    void panelIdsAndTitlesAreUnique() {
        Set<Integer> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (JsonNode p : panels()) {
            assertThat(ids.add(p.path("id").asInt())).as("panel id %s", p.path("id")).isTrue();
            assertThat(titles.add(p.path("title").asText())).as("panel title %s", p.path("title")).isTrue();
        }
        assertThat(dashboard.path("uid").asText()).isEqualTo("ccsfront");
    }

    @Test
    void answersTheOperatorsQuestions() {
        String all = String.join("\n", PromQl.dashboardExpressions(dashboard).values());
        Map<String, String> needed = Map.of(
                "handshake rate by level", "sum by (level) (rate(ccsfront_tls_handshakes_total",
                "handshake rate by result", "sum by (result) (rate(ccsfront_tls_handshakes_total",
                "handshake latency", "histogram_quantile(0.99, sum by (le) (rate(ccsfront_tls_handshake_duration_seconds_bucket",
                "cache hit ratio", "ccsfront_tls_cache_misses_total",
                "certificate expiry", "ccsfront_certificates_expiry_soonest_seconds",
                "configuration propagation delay", "rate(ccsfront_config_apply_delay_seconds_bucket",
                "configuration version per node", "max by (node) (ccsfront_config_version",
                "proxy status classes", "sum by (status) (rate(ccsfront_proxy_requests_total",
                "proxy latency", "rate(ccsfront_proxy_latency_seconds_bucket",
                "cluster size", "ccsfront_cluster_members");
        needed.forEach((question, fragment) -> assertThat(all).as(question).contains(fragment));
    }
}
