package io.ccsfront.node.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.site.Site;
import io.micrometer.core.instrument.Meter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Meter names and tags; series stay bounded by metrics.perSiteSites however many sites serve. */
class ProxyMetricsTest {

    @Test
    void onlyOptedInSitesGetTheirOwnSeriesEverythingElseIsOther() {
        try (ProxyFixture fx = new ProxyFixture(ProxyFixture.settings(Map.of()), List.of("Shop"))) {
            Backend backend = Backend.echo(fx.vertx);
            int port = fx.listenHttp();
            List<Site> sites = new ArrayList<>();
            sites.add(ProxyFixture.site("Shop", 1, List.of("http/*:" + port + ":shop.example"), backend.url()));
            sites.add(ProxyFixture.site("Empty", 2, List.of("http/*:" + port + ":empty.example")));
            for (int i = 0; i < 200; i++) {
                sites.add(ProxyFixture.site("tenant" + i, 10 + i, List.of("http/*:" + port + ":t" + i + ".example"), backend.url()));
            }
            fx.sites(sites.toArray(Site[]::new));

            assertThat(fx.get("127.0.0.1", port, "shop.example", "/").status()).isEqualTo(200);
            for (int i = 0; i < 200; i++) {
                assertThat(fx.get("127.0.0.1", port, "t" + i + ".example", "/").status()).isEqualTo(200);
            }
            assertThat(fx.get("127.0.0.1", port, "nobody.example", "/").status()).isEqualTo(404);
            assertThat(fx.get("127.0.0.1", port, "empty.example", "/").status()).isEqualTo(503);

            assertThat(fx.counter(ProxyMetrics.REQUESTS, "site", "shop", "status", "2xx", "outcome", "forwarded")).isEqualTo(1.0);
            assertThat(fx.counter(ProxyMetrics.REQUESTS, "site", "other", "status", "2xx", "outcome", "forwarded")).isEqualTo(200.0);
            assertThat(fx.counter(ProxyMetrics.REQUESTS, "site", "other", "status", "4xx", "outcome", "unknown_host")).isEqualTo(1.0);
            assertThat(fx.counter(ProxyMetrics.REQUESTS, "site", "other", "status", "5xx", "outcome", "no_healthy_worker")).isEqualTo(1.0);
            assertThat(fx.registry.find(ProxyMetrics.LATENCY).tag("site", "shop").timer().count()).isEqualTo(1);

            Set<String> siteTags = fx.registry.getMeters().stream().map(m -> m.getId().getTag("site"))
                    .filter(t -> t != null).collect(Collectors.toSet());
            assertThat(siteTags).containsExactlyInAnyOrder("shop", "other");
            List<Meter> requestSeries = fx.registry.find(ProxyMetrics.REQUESTS).meters().stream().toList();
            // 11 pre-registered (status, outcome) series per site key, for 2 site keys, whatever the number of sites
            assertThat(requestSeries).hasSize(22);
            assertThat(fx.registry.find(ProxyMetrics.WORKERS).tag("state", "healthy").gauge().value()).isEqualTo(1.0);
            assertThat(fx.registry.find(ProxyMetrics.WORKERS).tag("state", "unhealthy").gauge().value()).isEqualTo(0.0);
        }
    }
}
