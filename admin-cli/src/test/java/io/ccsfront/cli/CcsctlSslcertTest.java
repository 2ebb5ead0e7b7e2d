package io.ccsfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ccsctl sslcert … (and the netsh-shaped ccsctl http … sslcert): the netsh vocabulary in and out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CcsctlSslcertTest {

    static final String APPID = "{4dc3e181-e14b-4a21-b022-59fc669b0914}";

    @TempDir
    static Path tmp;
    CliNode n;

    @BeforeAll
    void start() {
        n = CliNode.start(tmp, Map.of());
    }

    @AfterAll
    void stop() {
        n.close();
    }

    @Test
    void addThenShowInTheNetshLayout() {
        String tp = n.importCert("ip", "ip.example");
        CliNode.Result add = n.run("sslcert", "add", "ipport=127.0.0.2:" + n.httpsPort, "certhash=" + tp.toLowerCase(), "appid=" + APPID);
        assertThat(add.code()).as(add.toString()).isZero();
        assertThat(add.out()).startsWith("SSL Certificate successfully added: ipport=127.0.0.2:" + n.httpsPort);
        CliNode.Result show = n.run("sslcert", "show", "ipport=127.0.0.2:" + n.httpsPort);
        assertThat(show.code()).as(show.toString()).isZero();
        assertThat(show.out()).contains("SSL Certificate bindings:").contains("IP:port                      : 127.0.0.2:" + n.httpsPort)
                .contains("Certificate Hash             : " + tp.toLowerCase()).contains("Application ID               : " + APPID)
                .contains("Certificate Store Name       : MY");
        CliNode.Result json = n.run("sslcert", "show", "--json");
        assertThat(json.out()).contains("\"certhash\" : \"" + tp + "\"");
    }

    @Test
    void theNetshCommandLineWorksWithNetshReplacedByCcsctl() {
        String tp = n.importCert("netsh", "netsh.example");
        CliNode.Result r = n.run("http", "add", "sslcert", "hostnameport=netsh.example:" + n.httpsPort, "certhash=" + tp, "appid=" + APPID,
                "certstorename=MY");
        assertThat(r.code()).as(r.toString()).isZero();
        CliNode.Result prefixed = n.run("sslcert", "add", "http", "add", "sslcert", "ccs=" + n.httpsPort);
        assertThat(prefixed.code()).as(prefixed.toString()).isZero();
        assertThat(n.run("http", "show", "sslcert").out()).contains("Hostname:port                : netsh.example:" + n.httpsPort)
                .contains("Central Certificate Store    : " + n.httpsPort);
        assertThat(n.run("http", "delete", "sslcert", "hostnameport=netsh.example:" + n.httpsPort).code()).isZero();
        assertThat(n.run("sslcert", "delete", "ccs=" + n.httpsPort).code()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ipport=10.0.0.1:70000 certhash=" + "AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12" + "|port out of range 1-65535: 70000",
        "ipport=10.0.0.1:443 certhash=12ab|certhash must be 40 hex digits: 12ab",
        "ipport=10.0.0.1:443|certhash is required",
        "ipport=10.0.0.1:443 certhash=AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12 colour=blue|unknown sslcert parameter colour",
        "hostnameport=*.a.com:443 certhash=AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12|not a wildcard: *.a.com"})
    void badNetshWordsAreUsageErrorsNamingTheValue(String words, String message) {
        long before = n.version();
        String[] args = ("sslcert add " + words).split(" ");
        CliNode.Result r = n.run(args);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(message).hasLineCount(1);
        assertThat(n.version()).isEqualTo(before);
    }

    /** certutil prints a thumbprint in groups; pasted into one quoted argument, or left for the shell to split. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"groups of 8 in one argument", "pairs in one argument", "groups of 8 split by the shell"})
    void certhashWithEmbeddedSpacesIsAccepted(String form) {
        String tp = n.importCert("spaced-" + form.hashCode(), "spaced.example");
        String key = "hostnameport=spaced" + Math.abs(form.hashCode()) + ".example:" + n.httpsPort;
        String lower = tp.toLowerCase();
        List<String> args = new ArrayList<>(List.of("sslcert", "add", key));
        switch (form) {
            case "groups of 8 in one argument" -> args.add("certhash=" + groups(lower, 8));
            case "pairs in one argument" -> args.add("certhash=" + groups(lower, 2));
            default -> args.addAll(List.of(("certhash=" + groups(lower, 8)).split(" ")));
        }
        args.add("appid=" + APPID);
        CliNode.Result r = n.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(n.run("sslcert", "show", key).out()).contains("Certificate Hash             : " + lower);
        assertThat(n.run("sslcert", "delete", key).code()).isZero();
    }

    static String groups(String hex, int size) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += size) {
            sb.append(i == 0 ? "" : " ").append(hex, i, i + size);
        }
        return sb.toString();
    }

    @Test
    void addOfAnUnknownCertificateFailsWith404() {
        CliNode.Result r = n.run("sslcert", "add", "ipport=127.0.0.9:" + n.httpsPort, "certhash=" + "CD".repeat(20));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("404 not_found").contains("CD".repeat(20));
    }

    @Test
    void addOfAnExistingBindingIs409AndUpdateReplacesIt() {
        String a = n.importCert("upd-a", "upd.example");
        String b = n.importCert("upd-b", "upd.example");
        String key = "hostnameport=upd.example:" + n.httpsPort;
        assertThat(n.run("sslcert", "add", key, "certhash=" + a).code()).isZero();
        CliNode.Result dup = n.run("sslcert", "add", key, "certhash=" + b);
        assertThat(dup.code()).isEqualTo(1);
        assertThat(dup.err()).contains("409 conflict");
        CliNode.Result upd = n.run("sslcert", "update", key, "certhash=" + b);
        assertThat(upd.code()).as(upd.toString()).isZero();
        assertThat(n.run("sslcert", "show", key).out()).contains(b.toLowerCase());
    }

    @Test
    void deleteIsRefusedWhileSitesDependOnTheBindingUnlessForced() {
        String tp = n.importCert("dep", "shop.example");
        String key = "hostnameport=shop.example:" + n.httpsPort;
        assertThat(n.run("sslcert", "add", key, "certhash=" + tp).code()).isZero();
        assertThat(n.run("site", "add", "shop", "--binding", "https/*:" + n.httpsPort + ":shop.example", "--sni",
                "--worker", "http://127.0.0.1:9001").code()).isZero();
        long before = n.version();
        CliNode.Result r = n.run("sslcert", "delete", key);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("409 binding_in_use").contains("shop (https/*:" + n.httpsPort + ":shop.example)");
        assertThat(n.version()).isEqualTo(before);
        CliNode.Result forced = n.run("sslcert", "delete", key, "--force");
        assertThat(forced.code()).as(forced.toString()).isZero();
        assertThat(forced.err()).contains("shop");
        assertThat(n.run("sslcert", "show", key).code()).isEqualTo(1);
    }

    @Test
    void deleteNeedsExactlyOneKey() {
        CliNode.Result r = n.run("sslcert", "delete", "ipport=1.2.3.4:443", "ccs=443");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("exactly one");
    }
}
