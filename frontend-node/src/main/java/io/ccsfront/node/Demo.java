package io.ccsfront.node;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.cert.KeyProtector;
import io.ccsfront.cert.SelfSignedCertificates;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigChange.Mode;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.site.Site;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --demo}: three sites whose certificates live in the Central Certificate Store (an exact
 * name, another exact name, and a {@code _.} wildcard entry), each with two in-process web
 * workers on loopback, then the {@code curl --resolve} lines to try them. Safe to run again: the
 * sites are updated with the new worker ports.
 */
final class Demo {

    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    private static final String[][] SITES = {
        {"contoso", "www.contoso.test", "www.contoso.test"},
        {"fabrikam", "shop.fabrikam.test", "shop.fabrikam.test"},
        {"tailspin", "blog.tailspin.test", "*.tailspin.test"},
    };

    private Demo() {
    }

    /**
     * Installs the demo on the first HTTPS and HTTP listener ports (the lists may be empty) and
     * prints how to try it, ending with {@code consoleLine} (where the web console is).
     */
    static void install(Vertx vertx, ConfigService configService, KeyProtector protector, Clock clock, List<Integer> httpsPorts,
                        List<Integer> httpPorts, String consoleLine) {
        List<ConfigChange> changes = new ArrayList<>();
        ConfigSnapshot s = configService.current();
        int https = httpsPorts.isEmpty() ? 0 : httpsPorts.get(0);
        int http = httpPorts.isEmpty() ? 0 : httpPorts.get(0);
        if (https > 0 && s.ccsBinding(https) == null) {
            changes.add(new ConfigChange.PutBinding(new CcsBinding(https), Mode.ADD));
        }
        long nextId = s.nextSiteId();
        StringBuilder curl = new StringBuilder();
        for (String[] site : SITES) {
            String name = site[0];
            String host = site[1];
            String certName = site[2];
            String ccsKey = certName.startsWith("*.") ? "_." + certName.substring(2) : certName;
            if (s.ccs(ccsKey) == null) {
                changes.add(new ConfigChange.PutCcs(ccsKey, SelfSignedCertificates.create(certName, List.of(certName),
                        Duration.ofDays(365), clock).stored(protector)));
            }
            List<URI> workers = new ArrayList<>();
            for (int w = 1; w <= 2; w++) {
                workers.add(URI.create("http://127.0.0.1:" + startWorker(vertx, name, w)));
            }
            List<SiteBinding> bindings = new ArrayList<>();
            if (https > 0) {
                bindings.add(SiteBinding.parse(SiteBinding.Protocol.HTTPS, "*:" + https + ":" + host, SiteBinding.SSL_SNI | SiteBinding.SSL_CCS));
                curl.append(String.format("  curl -k --resolve %s:%d:127.0.0.1 https://%s:%d/%n", host, https, host, https));
            }
            if (http > 0) {
                bindings.add(SiteBinding.parse(SiteBinding.Protocol.HTTP, "*:" + http + ":" + host, 0));
                curl.append(String.format("  curl --resolve %s:%d:127.0.0.1 http://%s:%d/%n", host, http, host, http));
            }
            Site existing = s.site(name);
            long id = existing != null ? existing.id() : nextId++;
            changes.add(new ConfigChange.PutSite(new Site(name, id, bindings, workers), Mode.PUT));
        }
        configService.commit(new ConfigChange.Batch(changes), s.version(), "demo");
        LOG.info("demo sites installed (self-signed CCS certificates, hence -k). Try:\n{}", curl);
        System.out.println("\nDemo sites are up. Try:\n" + curl + "\n" + consoleLine + "\n");
    }

    private static int startWorker(Vertx vertx, String site, int n) {
        HttpServer server = vertx.createHttpServer().requestHandler(req -> req.response()
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("Hello from site " + site + ", web worker " + n + "\n"
                        + "  Host: " + req.getHeader("Host") + "\n"
                        + "  X-Forwarded-For: " + req.getHeader("X-Forwarded-For") + "\n"
                        + "  X-Forwarded-Proto: " + req.getHeader("X-Forwarded-Proto") + "\n"));
        return server.listen(0, "127.0.0.1").await().actualPort();
    }
}
