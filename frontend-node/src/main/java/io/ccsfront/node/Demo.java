package io.ccsfront.node;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.cert.SelfSignedCertificates;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigChange.Mode;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.site.Site;
import io.vertx.core.http.HttpServer;
import java.net.URI;
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

    static void install(FrontendNode node) {
        List<ConfigChange> changes = new ArrayList<>();
        ConfigSnapshot s = node.configService().current();
        int https = node.httpsPorts().isEmpty() ? 0 : node.httpsPorts().get(0);
        int http = node.httpPorts().isEmpty() ? 0 : node.httpPorts().get(0);
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
                        Duration.ofDays(365), node.clock()).stored(node.protector())));
            }
            List<URI> workers = new ArrayList<>();
            for (int w = 1; w <= 2; w++) {
                workers.add(URI.create("http://127.0.0.1:" + startWorker(node, name, w)));
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
        node.configService().commit(new ConfigChange.Batch(changes), s.version(), "demo");
        LOG.info("demo sites installed (self-signed CCS certificates, hence -k). Try:\n{}", curl);
        String console = io.ccsfront.node.admin.console.ConsoleRoutes.url(node.admin().tls(), node.settings().adminHost(), node.adminPort());
        System.out.println("\nDemo sites are up. Try:\n" + curl + "\nWeb console: " + console + " (sign in with the admin token in "
                + io.ccsfront.node.config.Secrets.adminTokenSource(node.config(), node.settings().dataDir()) + ")\n");
    }

    private static int startWorker(FrontendNode node, String site, int n) {
        HttpServer server = node.vertx().createHttpServer().requestHandler(req -> req.response()
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("Hello from site " + site + ", web worker " + n + "\n"
                        + "  Host: " + req.getHeader("Host") + "\n"
                        + "  X-Forwarded-For: " + req.getHeader("X-Forwarded-For") + "\n"
                        + "  X-Forwarded-Proto: " + req.getHeader("X-Forwarded-Proto") + "\n"));
        return server.listen(0, "127.0.0.1").await().actualPort();
    }
}
