package io.ccsfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.cert.PfxExporter;
import io.ccsfront.node.FrontendNode;
import io.ccsfront.node.admin.AdminApi;
import io.ccsfront.node.config.NodeConfig;
import io.ccsfront.node.testing.TlsProbe;
import io.ccsfront.testing.TestPki;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in a real browser (Debian's headless chromium) against a real node, as an
 * operator uses it: sign in, import a PFX (chosen and dropped), bind it, see it served by explain
 * and by a real handshake, rotate with the dry run and the proof, see a change made with ccsctl
 * appear without a reload, a wrong token and a change without the CSRF token refused. A screenshot
 * of every page goes to {@code target/console-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final String TOKEN = "console-test-token-0123456789";
    static final String ALICE = "alice-console-token-0123456789";

    @TempDir
    static Path tmp;
    FrontendNode node;
    int port;
    ConsoleBrowser b;
    String base;
    final TestPki.Issued oldCert = TestPki.get().leaf("www.contoso.test", "contoso.test");
    final TestPki.Issued newCert = TestPki.get().leaf("www.contoso.test", "*.contoso.test", "contoso.test");
    String oldHex;
    String newHex;

    @BeforeAll
    void start() throws Exception {
        Files.writeString(tmp.resolve("tokens"), "alice:" + ALICE + "\n");
        Files.writeString(tmp.resolve("alice.token"), ALICE + "\n");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> m = new HashMap<>();
        m.put("node.name", "fe1");
        m.put("node.dataDir", tmp.resolve("data").toString());
        m.put("listeners.https", "0.0.0.0:" + port);
        m.put("listeners.http", "");
        m.put("admin.port", "0");
        m.put("admin.token", TOKEN);
        m.put("admin.tokensFile", tmp.resolve("tokens").toString());
        m.put("cluster.enabled", "false");
        m.put("tls.engine", "jdk");
        node = new FrontendNode(NodeConfig.defaults().with(m), Clock.systemUTC()).withAdminApi(AdminApi::install)
                .start(FrontendNode::defaultHandler);
        base = "http://127.0.0.1:" + node.adminPort();
        oldHex = io.ccsfront.cert.Thumbprint.of(oldCert.certificate().getEncoded()).hex();
        newHex = io.ccsfront.cert.Thumbprint.of(newCert.certificate().getEncoded()).hex();
        b = ConsoleBrowser.start(tmp.resolve("chrome-profile"), Path.of("target", "console-screenshots"));
    }

    @AfterEach
    void noJavaScriptErrors() {
        assertThat(b.errors()).as("errors in the browser console (JavaScript, CSP)").isEmpty();
    }

    @AfterAll
    void stop() {
        if (b != null) {
            b.close();
        }
        if (node != null) {
            node.close();
        }
    }

    Path pfx(TestPki.Issued c, String name, String password) throws IOException {
        Path f = tmp.resolve(name + ".pfx");
        Files.write(f, PfxExporter.export(c.chain(), c.key(), password.toCharArray()));
        return f;
    }

    long version() {
        return node.configService().current().version();
    }

    WebElement in(String formCss, String name) {
        return b.driver.findElement(By.cssSelector(formCss + " [name=\"" + name + "\"]"));
    }

    @Test
    @Order(1)
    void aWrongTokenIsRefused() {
        b.driver.get(base + "/console/");
        WebElement token = b.visible("#token");
        token.sendKeys("wrong-token-00000000000000", Keys.ENTER);
        b.waitText("#sign-in-error", "The admin token was refused.");
        assertThat(b.driver.findElement(By.id("nav")).isDisplayed()).isFalse();
        assertThat(b.driver.manage().getCookies()).isEmpty();
        b.screenshot("01-sign-in");
    }

    @Test
    @Order(2)
    void signInWithTheAdminTokenKeepsItOutOfTheUrlAndStorage() {
        b.type(b.visible("#token"), TOKEN);
        b.driver.findElement(By.id("token")).sendKeys(Keys.ENTER);
        b.waitText("#actor", "signed in as admin");
        b.visible("#page-certificates");
        Cookie c = b.driver.manage().getCookieNamed("ccsfront-console-" + node.adminPort());
        assertThat(c).isNotNull();
        assertThat(c.isHttpOnly()).isTrue();
        assertThat(c.getSameSite()).isEqualTo("Strict");
        assertThat(c.getValue()).doesNotContain(TOKEN);
        assertThat(b.js("return document.cookie")).isEqualTo(""); // HttpOnly: not readable by scripts
        assertThat(b.js("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
        assertThat(b.driver.getCurrentUrl()).doesNotContain(TOKEN);
        assertThat(b.driver.getPageSource()).doesNotContain(TOKEN);
        assertThat(b.js("return document.getElementById('token').value")).isEqualTo("");
    }

    @Test
    @Order(3)
    void importAPfxChosenOrDroppedShowsItInItsStore() throws IOException {
        String form = "#import-form";
        // a wrong password: the API's error lands next to the password field
        in(form, "file").sendKeys(pfx(oldCert, "old", "pw-old").toString());
        b.type(in(form, "store"), "WebHosting");
        b.type(in(form, "password"), "not-the-password");
        b.driver.findElement(By.cssSelector(form + " button[type=submit]")).click();
        b.wait.until(d -> "true".equals(in(form, "password").getAttribute("aria-invalid")));
        b.waitText(form + " .form-error", "wrong_password");
        // the right one
        b.type(in(form, "password"), "pw-old");
        b.driver.findElement(By.cssSelector(form + " button[type=submit]")).click();
        b.waitText("#import-result", oldHex);
        b.waitText("section[data-store=WebHosting]", oldHex);
        // NEW by drag and drop into MY
        byte[] bytes = Files.readAllBytes(pfx(newCert, "new", "pw-new"));
        b.js("const [b64, name] = arguments; const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));"
                + "const dt = new DataTransfer(); dt.items.add(new File([bytes], name));"
                + "document.querySelector('#import-form .drop').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
                Base64.getEncoder().encodeToString(bytes), "new.pfx");
        b.waitText("#import-form .drop .chosen", "new.pfx");
        b.type(in(form, "store"), "MY");
        b.type(in(form, "password"), "pw-new");
        b.driver.findElement(By.cssSelector(form + " button[type=submit]")).click();
        b.waitText("section[data-store=MY]", newHex);
        b.waitText("section[data-store=MY]", "days left");
        b.screenshot("02-certificates");
    }

    @Test
    @Order(4)
    void bindItWithTheApisValidationThenExplainAndAHandshakeServeIt() {
        b.nav("Bindings and sites", "page-bindings");
        String form = "section[aria-labelledby=add-binding-h] form";
        new Select(in(form, "kind")).selectByValue("hostnameport");
        b.type(in(form, "hostnameport"), "www.contoso.test:" + port);
        b.type(in(form, "certhash"), "12ab");
        b.type(in(form, "certstorename"), "WebHosting");
        b.driver.findElement(By.cssSelector(form + " button[type=submit]")).click();
        b.waitText(form + " .form-error", "certhash must be 40 hex digits: 12ab");
        assertThat(in(form, "certhash").getAttribute("aria-invalid")).isEqualTo("true");
        b.type(in(form, "certhash"), oldHex);
        b.driver.findElement(By.cssSelector(form + " button[type=submit]")).click();
        String row = "tr[data-binding=\"hostnameport=www.contoso.test:" + port + "\"]";
        b.visible(row);
        // edit it (netsh http update sslcert): TLS 1.3 at least
        b.driver.findElement(By.cssSelector("button[aria-label=\"Edit hostnameport=www.contoso.test:" + port + "\"]")).click();
        WebElement dlg = b.visible("dialog[open]");
        new Select(dlg.findElement(By.cssSelector("[name=mintlsversion]"))).selectByValue("1.3");
        dlg.findElement(By.cssSelector("button[type=submit]")).click();
        b.wait.until(d -> d.findElements(By.cssSelector("dialog[open]")).isEmpty());
        b.wait.until(d -> b.driver.findElement(By.cssSelector(row)).findElements(By.tagName("td")).get(5).getText().equals("1.3"));
        // a site on it, through the form
        b.type(b.visible("#site-name"), "contoso");
        b.type(b.driver.findElement(By.id("site-binding")), "https/*:" + port + ":www.contoso.test");
        b.driver.findElement(By.id("site-sni")).click();
        b.type(b.driver.findElement(By.id("site-workers")), "http://127.0.0.1:9");
        b.driver.findElement(By.cssSelector("#site-form button[type=submit]")).click();
        b.waitText("tr[data-site=contoso]", "from level 2");
        b.waitText("tr[data-site=contoso]", "sslFlags=1 (SNI)");
        b.waitText("tr[data-site=contoso]", "not used");
        b.screenshot("03-bindings");

        b.nav("Explain", "page-explain");
        b.type(b.visible("#explain-sni"), "www.contoso.test");
        b.driver.findElement(By.cssSelector("#explain-form button[type=submit]")).click();
        b.waitText("#explain-result h2", "Level 2");
        b.waitText("#explain-result", oldHex);
        assertThat(b.driver.findElement(By.cssSelector("tr[data-level='2']")).getAttribute("class")).contains("selected");
        assertThat(b.driver.findElements(By.cssSelector("#explain-result tbody tr"))).hasSize(5);
        assertThat(TlsProbe.presented("127.0.0.1", port, "www.contoso.test")).isEqualTo(oldHex);
        b.screenshot("04-explain");
    }

    @Test
    @Order(5)
    void rotateShowsTheDryRunFirstThenTheProof() {
        b.nav("Rotate", "page-rotate");
        b.wait.until(d -> !new Select(b.driver.findElement(By.id("rotate-from"))).getOptions().isEmpty());
        new Select(b.driver.findElement(By.id("rotate-from"))).selectByValue(oldHex);
        new Select(b.driver.findElement(By.id("rotate-to"))).selectByValue(newHex);
        long before = version();
        b.driver.findElement(By.cssSelector("#rotate-form button[type=submit]")).click();
        b.waitText("#rotate-plan", "hostnameport=www.contoso.test:" + port);
        b.waitText("#rotate-plan", "contoso https/*:" + port + ":www.contoso.test");
        b.waitText("#rotate-plan", "No warnings.");
        assertThat(version()).as("a dry run changes nothing").isEqualTo(before);
        b.screenshot("05-rotate-dry-run");
        b.driver.findElement(By.id("rotate-confirm")).click();
        b.waitText("#rotate-proof .proof-status", "Proven");
        b.waitText("#rotate-proof tr[data-probe]", "NEW");
        b.waitText("#rotate-proof tr[data-member=fe1]", "applied");
        assertThat(version()).isEqualTo(before + 1);
        assertThat(TlsProbe.presented("127.0.0.1", port, "www.contoso.test")).isEqualTo(newHex);
        b.screenshot("06-rotate-proof");
    }

    @Test
    @Order(6)
    void aChangeMadeWithCcsctlAppearsWithoutAReload() {
        b.nav("Bindings and sites", "page-bindings");
        b.visible("tr[data-site=contoso]");
        b.js("window.__notReloaded = 42");
        long before = version();
        CliNode.Result r = CliNode.runRaw("--server", base, "--token-file", tmp.resolve("alice.token").toString(),
                "site", "add", "live", "--binding", "https/*:" + port + ":live.contoso.test", "--sni", "--worker", "http://127.0.0.1:9");
        assertThat(r.code()).as(r.toString()).isZero();
        b.visible("tr[data-site=live]");
        b.waitText("#config-version", "configuration version " + (before + 1));
        assertThat(b.js("return window.__notReloaded")).isEqualTo(42L);
    }

    @Test
    @Order(7)
    void aChangeWithoutTheCsrfTokenIsRefusedAndNothingChanges() {
        long before = version();
        String site = "{\"name\":\"forged\",\"bindings\":[\"https/*:" + port + ":forged.test\"],\"workers\":[\"http://127.0.0.1:9\"]}";
        List<Object> missing = b.fetch("POST", "/admin/v1/sites", site, Map.of("Content-Type", "application/json"));
        assertThat(missing.get(0)).isEqualTo(403L);
        assertThat((String) missing.get(1)).contains("csrf_token_missing");
        List<Object> forged = b.fetch("POST", "/admin/v1/sites", site, Map.of("Content-Type", "application/json", "X-CSRF-Token", "forged"));
        assertThat(forged.get(0)).isEqualTo(403L);
        assertThat((String) forged.get(1)).contains("csrf_token_invalid");
        List<Object> read = b.fetch("GET", "/admin/v1/sites/forged", null, Map.of());
        assertThat(read.get(0)).as("reads need no CSRF token; the site does not exist").isEqualTo(404L);
        assertThat(version()).isEqualTo(before);
    }

    @Test
    @Order(8)
    void exportNeedsAPasswordAndDeleteShowsTheDependantsFirst() {
        b.nav("Certificates", "page-certificates");
        b.visible("button[aria-label^='Export'][aria-label$='" + newHex + "']").click();
        b.visible("dialog[open]");
        WebElement dlg = b.driver.findElement(By.cssSelector("dialog[open]"));
        dlg.findElement(By.cssSelector("[name=password]")).sendKeys("export-pw-1");
        dlg.findElement(By.cssSelector("[name=password2]")).sendKeys("export-pw-1");
        dlg.findElement(By.cssSelector("button[data-value]:not(.secondary), .actions button:first-child")).click();
        WebElement link = b.visible("dialog[open] a.download-link");
        assertThat(link.getAttribute("download")).endsWith(".pfx");
        assertThat(link.getAttribute("href")).startsWith("blob:");
        b.screenshot("07-export");
        dlg.findElement(By.cssSelector(".actions button.secondary")).click();
        // NEW is bound: the dialog lists the binding and the delete is disabled
        b.visible("button[aria-label^='Delete'][aria-label*='" + newHex + "']").click();
        b.waitText("dialog[open] dl.deps", "hostnameport=www.contoso.test:" + port);
        b.waitText("dialog[open] dl.deps", "contoso (https/*:" + port + ":www.contoso.test)");
        assertThat(b.driver.findElement(By.cssSelector("dialog[open] .actions button.danger")).isEnabled()).isFalse();
        b.screenshot("08-delete-dependants");
        b.driver.findElement(By.cssSelector("dialog[open] .actions button.secondary")).click();
        // OLD is free since the rotation: deleted
        b.visible("button[aria-label^='Delete'][aria-label*='" + oldHex + "']").click();
        b.wait.until(d -> d.findElement(By.cssSelector("dialog[open] .actions button.danger")).isEnabled());
        b.driver.findElement(By.cssSelector("dialog[open] .actions button.danger")).click();
        b.wait.until(d -> !String.join("", b.texts("section[data-store=WebHosting]")).contains(oldHex));
    }

    @Test
    @Order(9)
    void theCertificateRequestWizardCreatesDownloadsAndCompletes() throws Exception {
        b.type(b.visible("#csr-cn"), "www.fabrikam.test");
        b.type(b.driver.findElement(By.id("csr-sans")), "www.fabrikam.test, fabrikam.test");
        b.type(b.driver.findElement(By.id("csr-o")), "Fabrikam");
        new Select(b.driver.findElement(By.id("csr-key"))).selectByValue("ec:p256");
        b.driver.findElement(By.cssSelector("#csr-form button[type=submit]")).click();
        WebElement pem = b.visible("#csr-pem");
        String csr = pem.getAttribute("value");
        assertThat(csr).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        assertThat(b.driver.findElement(By.cssSelector("#csr-created a.download-link")).getAttribute("download")).isEqualTo("www.fabrikam.test.csr");
        byte[] der;
        try (PemReader r = new PemReader(new java.io.StringReader(csr))) {
            der = r.readPemObject().getContent();
        }
        TestPki.Issued issued = TestPki.get().issue(new PKCS10CertificationRequest(der));
        Path cer = tmp.resolve("fabrikam.cer");
        Files.write(cer, issued.certificate().getEncoded());
        in("#complete-form", "file").sendKeys(cer.toString());
        b.driver.findElement(By.cssSelector("#complete-form button[type=submit]")).click();
        String hex = io.ccsfront.cert.Thumbprint.of(issued.certificate().getEncoded()).hex();
        b.waitText("#complete-result", hex);
        b.waitText("section[data-store=MY]", hex);
        b.screenshot("09-certificate-request");
    }

    @Test
    @Order(10)
    void doctorClusterAndAuditPagesShowTheirFindingsMembersAndEntries() {
        b.nav("Doctor", "page-doctor");
        b.visible("section[data-severity=ERROR]");
        b.waitText("#doctor-result .summary", "error(s)");
        b.screenshot("10-doctor");

        b.nav("Cluster", "page-cluster");
        b.waitText("tr[data-member=fe1]", "reachable");
        b.waitText("tr[data-member=fe1]", "ready");
        b.waitText("tr[data-member=fe1]", String.valueOf(version()));
        b.screenshot("11-cluster");

        b.nav("Audit log", "page-audit");
        b.visible("#audit-result tr[data-actor=admin]");
        new Select(b.driver.findElement(By.id("audit-actor"))).selectByValue("alice");
        b.wait.until(d -> b.driver.findElements(By.cssSelector("#audit-result tr[data-actor=admin]")).isEmpty());
        b.waitText("#audit-result tr[data-actor=alice]", "live");
        new Select(b.driver.findElement(By.id("audit-actor"))).selectByValue("");
        b.type(b.driver.findElement(By.id("audit-object")), oldHex.substring(0, 12).toLowerCase());
        b.waitText("#audit-result tbody", "rotate " + oldHex);
        b.screenshot("12-audit");
    }

    @Test
    @Order(11)
    void signOutEndsTheSession() {
        b.driver.findElement(By.id("sign-out")).click();
        b.visible("#sign-in");
        List<Object> r = b.fetch("GET", "/admin/v1/node", null, Map.of());
        assertThat(r.get(0)).isEqualTo(401L);
    }
}
