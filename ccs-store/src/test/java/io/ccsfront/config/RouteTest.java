package io.ccsfront.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.binding.IpAddresses;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.binding.SiteBinding.Protocol;
import io.ccsfront.config.ConfigChange.DeleteSite;
import io.ccsfront.config.ConfigChange.Mode;
import io.ccsfront.config.ConfigChange.PutSite;
import io.ccsfront.site.Site;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC.md §3: the site of a request is found by exact IP + port + host, then {@code *} + port +
 * host, then exact IP + port + empty host, then {@code *} + port + empty host.
 */
class RouteTest {

    static final ConfigSnapshot SNAPSHOT = ConfigSnapshot.builder()
            .putSite(site("ip-host", 1, "https/10.0.0.1:443:www.a.com"))
            .putSite(site("any-host", 2, "https/*:443:www.a.com"))
            .putSite(site("ip-empty", 3, "https/10.0.0.1:443:"))
            .putSite(site("any-empty", 4, "https/*:443:"))
            .putSite(site("ip3-empty", 5, "https/10.0.0.3:443:"))
            .putSite(site("plain", 6, "http/*:80:www.a.com"))
            .putSite(site("dup-low", 7, "http/*:81:"))
            .putSite(site("dup-high", 8, "http/*:81:"))
            .putSite(site("v6-host", 9, "https/[2001:db8::1]:443:v6.a.com"))
            .version(1).build();

    static Site site(String name, long id, String... bindings) {
        List<SiteBinding> list = Arrays.stream(bindings).map(b -> {
            int slash = b.indexOf('/');
            return SiteBinding.parse(Protocol.parse(b.substring(0, slash)), b.substring(slash + 1), 0);
        }).toList();
        return new Site(name, id, list, List.of(URI.create("http://10.1.0." + id + ":8080")));
    }

    @ParameterizedTest(name = "{5}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "HTTPS | 10.0.0.1     | 443 | www.a.com  | ip-host   | exact IP + port + host wins",
        "HTTPS | 10.0.0.2     | 443 | www.a.com  | any-host  | * + port + host on another address",
        "HTTPS | 10.0.0.3     | 443 | www.a.com  | any-host  | * + port + host beats exact IP + port + empty host",
        "HTTPS | 10.0.0.1     | 443 | other.com  | ip-empty  | exact IP + port + empty host for an unknown host",
        "HTTPS | 10.0.0.2     | 443 | other.com  | any-empty | * + port + empty host last",
        "HTTPS | 10.0.0.1     | 443 | ''         | ip-empty  | no Host header: exact IP + empty host",
        "HTTPS | 10.0.0.1     | 443 | NULL       | ip-empty  | absent Host: exact IP + empty host",
        "HTTPS | 2001:db8::1  | 443 | v6.a.com   | v6-host   | exact IPv6 + port + host",
        "HTTPS | 2001:db8::2  | 443 | v6.a.com   | any-empty | another IPv6 address falls to * + empty host",
        "HTTPS | 2001:db8::2  | 443 | www.a.com  | any-host  | * + host serves IPv6 clients too",
        "HTTPS | 10.0.0.1     | 8443 | www.a.com | NULL      | nothing on another port",
        "HTTP  | 10.0.0.1     | 80  | www.a.com  | plain     | plain-HTTP site bindings route the same way",
        "HTTP  | 10.0.0.1     | 80  | other.com  | NULL      | http and https tables are separate",
        "HTTPS | 10.0.0.1     | 80  | www.a.com  | NULL      | protocol must match",
        "HTTP  | 10.0.0.1     | 81  | x.com      | dup-low   | two sites on one binding: the lowest id gets the requests",
    })
    void routesInSpecOrder(Protocol protocol, String local, int port, String host, String site, String description) {
        Route r = SNAPSHOT.route(protocol, IpAddresses.parse(local, "local"), port, host);
        assertThat(r == null ? null : r.siteKey()).as(description).isEqualTo(site);
    }

    @Test
    void deletingASiteRemovesItsRoutes() {
        ConfigSnapshot s = SNAPSHOT.apply(new DeleteSite("ip-host"));
        assertThat(s.route(Protocol.HTTPS, IpAddresses.parse("10.0.0.1", "l"), 443, "www.a.com").siteKey()).isEqualTo("any-host");
        assertThat(s.routes(Protocol.HTTPS, 443, "www.a.com")).extracting(Route::siteKey).containsExactly("any-host");
    }

    @Test
    void replacingASiteReplacesItsRoutes() {
        ConfigSnapshot s = SNAPSHOT.apply(new PutSite(site("any-host", 2, "https/*:443:www.b.com"), Mode.PUT));
        assertThat(s.route(Protocol.HTTPS, IpAddresses.parse("10.0.0.2", "l"), 443, "www.a.com").siteKey()).isEqualTo("any-empty");
        assertThat(s.route(Protocol.HTTPS, IpAddresses.parse("10.0.0.2", "l"), 443, "www.b.com").siteKey()).isEqualTo("any-host");
    }

    @Test
    void routeCarriesTheSiteBinding() {
        Route r = SNAPSHOT.route(Protocol.HTTPS, IpAddresses.parse("10.0.0.1", "l"), 443, "www.a.com");
        assertThat(r.siteId()).isEqualTo(1);
        assertThat(r.binding().bindingInformation()).isEqualTo("10.0.0.1:443:www.a.com");
        assertThat(r.address()).isEqualTo(IpAddresses.parse("10.0.0.1", "l"));
    }
}
