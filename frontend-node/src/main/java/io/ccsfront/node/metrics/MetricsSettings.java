package io.ccsfront.node.metrics;

import io.ccsfront.node.config.NodeConfig;
import java.util.List;

/**
 * The metrics options ({@code metrics.*}), typed.
 *
 * @param perSiteSites sites that get per-site proxy metrics (a bounded opt-in; every other site is {@code other})
 */
public record MetricsSettings(List<String> perSiteSites) {

    public MetricsSettings {
        perSiteSites = List.copyOf(perSiteSites);
    }

    public static MetricsSettings from(NodeConfig c) {
        return new MetricsSettings(c.list("metrics.perSiteSites"));
    }
}
