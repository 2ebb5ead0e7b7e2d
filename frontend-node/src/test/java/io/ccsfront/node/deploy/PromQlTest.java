package io.ccsfront.node.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expression splitting the Prometheus query test relies on. */
class PromQlTest {

    @Test
    void thresholdComparisonSplitsIntoSeriesAndLiteral() {
        assertThat(PromQl.comparisonOperands("min by (job) (x{job=\"a\"}) < 14 * 86400"))
                .containsExactly("min by (job) (x{job=\"a\"})", "14 * 86400");
        assertThat(PromQl.isLiteral("14 * 86400")).isTrue();
        assertThat(PromQl.isLiteral("up")).isFalse();
    }

    @Test
    void matchersAndRangesAreNotComparisons() {
        assertThat(PromQl.comparisonOperands("rate(x{result!=\"ok\", a=~\"b>c\"}[5m])"))
                .containsExactly("rate(x{result!=\"ok\", a=~\"b>c\"}[5m])");
    }

    @Test
    void vectorMatchingModifiersBelongToTheComparison() {
        assertThat(PromQl.comparisonOperands("a < on (job, namespace) group_left count by (job) (up)"))
                .containsExactly("a", "count by (job) (up)");
        assertThat(PromQl.comparisonOperands("max by (j) (v) - on (j) group_right v > bool 0"))
                .containsExactly("max by (j) (v) - on (j) group_right v", "0");
        assertThat(PromQl.comparisonOperands("up == 0")).containsExactly("up", "0");
    }

    @Test
    void grafanaVariablesAreSubstitutedLongestFirst() {
        assertThat(PromQl.substitute("rate(x{node=~\"$node\", n=\"${nodes}\"}[$__rate_interval])",
                Map.of("node", ".*", "nodes", "z", "__rate_interval", "1m")))
                .isEqualTo("rate(x{node=~\".*\", n=\"z\"}[1m])");
    }
}
