package io.ccsfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ccsctl ccs …, site …, explain and doctor against a running node. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CcsctlCcsSiteTest {

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
    void ccsPutListShowDeleteWithTheWildcardKey() {
        Path pfx = n.pfx(TestPki.get().leaf("*.tailspin.example"), "tailspin", "tp");
        CliNode.Result put = n.run("ccs", "put", "*.tailspin.example", pfx.toString(), "--password-file", n.passwordFile("tailspin").toString());
        assertThat(put.code()).as(put.toString()).isZero();
        String tp = put.out().strip();
        assertThat(n.run("ccs", "list").out()).contains("_.tailspin.example").contains(tp);
        CliNode.Result show = n.run("ccs", "show", "blog.tailspin.example");
        assertThat(show.code()).as(show.toString()).isZero();
        assertThat(show.out()).contains("CCS key:           _.tailspin.example (serves blog.tailspin.example)").contains(tp);
        assertThat(n.run("ccs", "delete", "_.tailspin.example").code()).isZero();
        CliNode.Result gone = n.run("ccs", "show", "blog.tailspin.example");
        assertThat(gone.code()).isEqualTo(1);
        assertThat(gone.err()).contains("404");
    }

    @Test
    void ccsPutWarnsWhenTheCertificateDoesNotCoverTheName() {
        Path pfx = n.pfx(TestPki.get().leaf("other.example"), "mismatch", "m");
        CliNode.Result put = n.run("ccs", "put", "www.mismatch.example", pfx.toString(), "--password-file", n.passwordFile("mismatch").toString());
        assertThat(put.code()).isZero();
        assertThat(put.err()).contains("does not cover www.mismatch.example");
        CliNode.Result bad = n.run("ccs", "put", "w*w.example", pfx.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("w*w.example");
    }

    @Test
    void siteAddShowBindingAndWorkerChangesAndDelete() {
        CliNode.Result add = n.run("site", "add", "contoso", "--binding", "https/*:" + n.httpsPort + ":www.contoso.example", "--sni",
                "--ccs", "--worker", "http://10.0.0.7:8080", "--worker", "http://10.0.0.8:8080");
        assertThat(add.code()).as(add.toString()).isZero();
        assertThat(n.run("site", "list").out()).contains("contoso").contains("https/*:" + n.httpsPort + ":www.contoso.example sslFlags=3");
        String longForm = "/+bindings.[protocol='https',bindingInformation='*:" + n.httpsPort + ":shop.contoso.example',sslFlags='1']";
        assertThat(n.run("site", "binding", "add", "contoso", longForm).code()).isZero();
        assertThat(n.run("site", "binding", "add", "contoso", "http/*:8080:www.contoso.example").code()).isZero();
        assertThat(n.run("site", "worker", "add", "contoso", "http://10.0.0.9:8080").code()).isZero();
        assertThat(n.run("site", "worker", "delete", "contoso", "http://10.0.0.7:8080").code()).isZero();
        assertThat(n.run("site", "binding", "delete", "contoso", "http/*:8080:www.contoso.example").code()).isZero();
        CliNode.Result show = n.run("site", "show", "contoso");
        assertThat(show.out()).contains("shop.contoso.example sslFlags=1 (SNI)").contains("http://10.0.0.9:8080")
                .doesNotContain("10.0.0.7").doesNotContain("http/*:8080");
        CliNode.Result dupWorker = n.run("site", "worker", "add", "contoso", "http://10.0.0.9:8080");
        assertThat(dupWorker.code()).isEqualTo(1);
        assertThat(dupWorker.err()).contains("409");
        assertThat(n.run("site", "delete", "contoso").code()).isZero();
        assertThat(n.run("site", "show", "contoso").code()).isEqualTo(1);
    }

    @Test
    void siteAddAcceptsTheAppcmdLongFormAndRefusesBadInput() {
        CliNode.Result add = n.run("site", "add", "fabrikam",
                "/+bindings.[protocol='https',bindingInformation='*:" + n.httpsPort + ":www.fabrikam.example',sslFlags='3']");
        assertThat(add.code()).as(add.toString()).isZero();
        assertThat(n.run("site", "show", "fabrikam").out()).contains("sslFlags=3 (SNI, CCS)");
        CliNode.Result badPort = n.run("site", "add", "bad", "--binding", "https/*:99999:a.example");
        assertThat(badPort.code()).isEqualTo(2);
        assertThat(badPort.err()).contains("99999");
        CliNode.Result badWorker = n.run("site", "add", "bad", "--worker", "ftp://x");
        assertThat(badWorker.code()).isEqualTo(2);
        assertThat(badWorker.err()).contains("ftp://x");
        CliNode.Result dup = n.run("site", "add", "fabrikam");
        assertThat(dup.code()).isEqualTo(1);
        assertThat(dup.err()).contains("409");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "site add x --binding https/*:notaport:x.test | bindingInformation port is not a number: notaport",
        "site add x --binding https/*::x.test         | bindingInformation port is not a number: (empty)",
        "explain --ip 127.0.0.1 --port notaport       | --port port is not a number: notaport",
        "explain --ip 127.0.0.1 --port 70000          | --port port out of range 1-65535: 70000"})
    void aPortThatIsNotANumberIsNamedSo(String command, String message) {
        CliNode.Result r = n.run(command.split(" "));
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("ccsctl: " + message);
    }

    @Test
    void explainPrintsTheDecisionAndEveryLevel() {
        String tp = n.importCert("explain", "www.explain.example");
        assertThat(n.run("sslcert", "add", "hostnameport=www.explain.example:" + n.httpsPort, "certhash=" + tp).code()).isZero();
        CliNode.Result r = n.run("explain", "--ip", "127.0.0.1", "--port", String.valueOf(n.httpsPort), "--sni", "WWW.Explain.Example.");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Selected: level 2").contains(tp).contains("1. exact IP:Port: no match")
                .contains("3. Central Certificate Store: not reached");
        CliNode.Result bad = n.run("explain", "--ip", "300.1.1.1", "--port", "443");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("300.1.1.1");
    }

    @Test
    void doctorExitsWith3OnAnErrorAnd0WhenHealthy() {
        try (CliNode fresh = CliNode.start(tmp.resolve("doctor"), Map.of())) {
            CliNode.Result healthy = fresh.run("doctor");
            assertThat(healthy.code()).as(healthy.toString()).isZero();
            assertThat(healthy.out()).contains("no findings");
            var expired = TestPki.get().leaf(TestPki.LeafSpec.names("old.example")
                    .validity(Instant.now().minus(Duration.ofDays(60)), Instant.now().minus(Duration.ofDays(1))));
            Path pfx = fresh.pfx(expired, "expired", "e");
            String tp = fresh.run("cert", "import", pfx.toString(), "--password-file", fresh.passwordFile("expired").toString()).out().strip();
            assertThat(fresh.run("sslcert", "add", "hostnameport=old.example:" + fresh.httpsPort, "certhash=" + tp).code()).isZero();
            assertThat(fresh.run("site", "add", "old", "--binding", "https/*:" + fresh.httpsPort + ":old.example", "--sni").code()).isZero();
            CliNode.Result sick = fresh.run("doctor");
            assertThat(sick.code()).as(sick.toString()).isEqualTo(3);
            assertThat(sick.out()).contains("ERROR CERT_EXPIRED").contains(tp);
            assertThat(fresh.run("doctor", "--json").code()).isEqualTo(3);
        }
    }
}
