package io.ccsfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.cert.CertificateImporter;
import io.ccsfront.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** ccsctl cert … against a running node: each verb's happy path and its refusals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CcsctlCertTest {

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
    void importPrintsTheThumbprintAndListShowsIt() {
        TestPki.Issued c = TestPki.get().leaf("www.contoso.com");
        Path pfx = n.pfx(c, "contoso", "Pa55 word");
        CliNode.Result r = n.run("cert", "import", pfx.toString(), "--password-file", n.passwordFile("contoso").toString(), "--store", "webhosting");
        assertThat(r.code()).as(r.toString()).isZero();
        String tp = c.stored().thumbprint().hex();
        assertThat(r.out().strip()).isEqualTo(tp);
        CliNode.Result list = n.run("cert", "list", "--store", "WebHosting");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("STORE").contains("WebHosting").contains(tp).contains("www.contoso.com");
        CliNode.Result json = n.run("cert", "list", "--json");
        assertThat(json.out()).contains("\"thumbprint\" : \"" + tp + "\"");
    }

    @Test
    void showPrintsDetailsAndWhereTheCertificateIsUsed() {
        String tp = n.importCert("show", "show.example", "alt.show.example");
        CliNode.Result r = n.run("cert", "show", tp.toLowerCase());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Thumbprint (sha1): " + tp).contains("DNS names:").contains("alt.show.example")
                .contains("private key present").contains("Stores:").contains("MY");
    }

    @Test
    void wrongPasswordFailsWithExitCode1() {
        Path pfx = n.pfx(TestPki.get().leaf("pw.example"), "pw", "right");
        Path wrong = tmp.resolve("wrong.pw");
        writeString(wrong, "wrong\n");
        long before = n.version();
        CliNode.Result r = n.run("cert", "import", pfx.toString(), "--password-file", wrong.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("400 wrong_password").doesNotContain("Exception").hasLineCount(1);
        assertThat(n.version()).isEqualTo(before);
    }

    @Test
    void malformedThumbprintIsAUsageError() {
        CliNode.Result r = n.run("cert", "show", "12ab");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("certhash must be 40 hex digits: 12ab");
    }

    @Test
    void missingCertificateFailsWith404() {
        CliNode.Result r = n.run("cert", "show", "AB".repeat(20));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("404 not_found").contains("AB".repeat(20));
    }

    @Test
    void missingFileIsAUsageErrorNamingIt() {
        CliNode.Result r = n.run("cert", "import", tmp.resolve("nope.pfx").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("file not found").contains("nope.pfx");
    }

    @Test
    void deleteOfABoundCertificateIsRefusedNamingTheBinding() {
        String tp = n.importCert("bound", "bound.example");
        assertThat(n.run("sslcert", "add", "hostnameport=bound.example:" + n.httpsPort, "certhash=" + tp).code()).isZero();
        long before = n.version();
        CliNode.Result r = n.run("cert", "delete", tp);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("409 certificate_bound").contains("hostnameport=bound.example:" + n.httpsPort);
        assertThat(n.version()).isEqualTo(before);
        assertThat(n.run("sslcert", "delete", "hostnameport=bound.example:" + n.httpsPort).code()).isZero();
        CliNode.Result ok = n.run("cert", "delete", tp);
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(n.run("cert", "show", tp).code()).isEqualTo(1);
    }

    @Test
    void exportWritesAPasswordProtectedPfxWithTheKey() throws Exception {
        String tp = n.importCert("exp", "export.example");
        Path pw = tmp.resolve("export.pw");
        writeString(pw, "exp0rt\n");
        Path out = tmp.resolve("out").resolve("export.pfx");
        CliNode.Result r = n.run("cert", "export", tp, "--out", out.toString(), "--password-file", pw.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        var back = CertificateImporter.read(Files.readAllBytes(out), "exp0rt".toCharArray());
        assertThat(back.thumbprint().hex()).isEqualTo(tp);
        assertThat(back.hasPrivateKey()).isTrue();
        CliNode.Result noPassword = n.run("cert", "export", tp, "--out", out.toString());
        assertThat(noPassword.code()).isEqualTo(2);
        assertThat(noPassword.err()).contains("--password-file");
    }

    @Test
    void requestThenCompleteInstallsTheIssuedCertificateWithItsKey() throws Exception {
        Path csr = tmp.resolve("www.fabrikam.csr");
        CliNode.Result req = n.run("cert", "request", "--cn", "www.fabrikam.com", "--o", "Fabrikam", "--c", "us",
                "--san", "www.fabrikam.com", "fabrikam.com", "--key", "ec:p256", "--out", csr.toString());
        assertThat(req.code()).as(req.toString()).isZero();
        PKCS10CertificationRequest parsed;
        try (PemReader pem = new PemReader(Files.newBufferedReader(csr, StandardCharsets.US_ASCII))) {
            parsed = new PKCS10CertificationRequest(pem.readPemObject().getContent());
        }
        assertThat(parsed.getSubject().toString()).contains("CN=www.fabrikam.com").contains("C=US");
        TestPki.Issued issued = TestPki.get().issue(parsed);
        Path cer = tmp.resolve("issued.cer");
        Files.write(cer, issued.certificate().getEncoded());
        CliNode.Result done = n.run("cert", "complete", cer.toString());
        assertThat(done.code()).as(done.toString()).isZero();
        String tp = done.out().strip();
        assertThat(n.run("cert", "show", tp).out()).contains("private key present").contains("fabrikam.com");
        CliNode.Result again = n.run("cert", "complete", cer.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("no_matching_request");
    }

    @Test
    void requestWithABadCountryIsAUsageError() {
        CliNode.Result r = n.run("cert", "request", "--cn", "a.example", "--c", "USA", "--out", tmp.resolve("x.csr").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("USA");
    }

    static void writeString(Path p, String s) {
        try {
            Files.writeString(p, s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
