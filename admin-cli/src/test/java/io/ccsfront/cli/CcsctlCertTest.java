package io.ccsfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.cert.CertificateImporter;
import io.ccsfront.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest(name = "{0}")
    @CsvSource({"cert import", "ccs put"})
    void everyImportVerbTakesACertificateWithItsKeyFile(String verb) {
        String host = verb.replace(' ', '-') + ".pair.example";
        TestPki.Issued c = TestPki.get().leaf(host);
        Path crt = n.pemPair(c, host);
        Path key = tmp.resolve(host + ".key");
        List<String> args = new ArrayList<>(List.of(verb.split(" ")));
        if (verb.equals("ccs put")) {
            args.add(host);
        }
        args.addAll(List.of(crt.toString(), "--key-file", key.toString()));
        CliNode.Result r = n.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.toString()).isZero();
        String tp = c.stored().thumbprint().hex();
        assertThat(r.out().strip()).isEqualTo(tp);
        assertThat(n.run("cert", "show", tp).out()).contains("private key present");
    }

    @Test
    void aKeyFileThatDoesNotMatchTheCertificateIsRefused() {
        Path crt = n.pemPair(TestPki.get().leaf("mismatch.example"), "mismatch");
        n.pemPair(TestPki.get().leaf("other.example"), "other");
        long before = n.version();
        CliNode.Result r = n.run("cert", "import", crt.toString(), "--key-file", tmp.resolve("other.key").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("400");
        assertThat(n.version()).isEqualTo(before);
    }

    @Test
    void requestListShowsThePendingRequestsAndDeleteDropsOne() {
        Path csr = tmp.resolve("pending.csr");
        CliNode.Result req = n.run("cert", "request", "--cn", "pending.example", "--san", "pending.example", "--out", csr.toString());
        assertThat(req.code()).as(req.toString()).isZero();
        String id = req.out().split(" ")[2];
        assertThat(id).hasSize(40);

        CliNode.Result list = n.run("cert", "request", "list");
        assertThat(list.code()).as(list.toString()).isZero();
        assertThat(list.out()).contains("ID").contains("SUBJECT").contains(id).contains("CN=pending.example").contains("rsa:2048");
        assertThat(n.run("cert", "request", "list", "--json").out()).contains("\"id\" : \"" + id + "\"");

        CliNode.Result delete = n.run("cert", "request", "delete", id.toLowerCase());
        assertThat(delete.code()).as(delete.toString()).isZero();
        assertThat(delete.out()).contains("certificate request " + id + " deleted");
        assertThat(n.run("cert", "request", "list").out()).doesNotContain(id);

        CliNode.Result again = n.run("cert", "request", "delete", id);
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("404 not_found").contains(id);
        CliNode.Result bad = n.run("cert", "request", "delete", "12ab");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("certificate request id must be 40 hex digits: 12ab");
    }

    @Test
    void requestWithoutItsOptionsNamesWhatIsMissing() {
        CliNode.Result r = n.run("cert", "request", "--cn", "a.example");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--out FILE.csr").doesNotContain("--cn NAME");
    }

    @Test
    void listShowsIpAddressSansInNames() {
        TestPki.Issued c = TestPki.get().leaf(TestPki.LeafSpec.names("ip-san.example").ips("192.0.2.10", "2001:db8::10"));
        Path pfx = n.pfx(c, "ipsan", "pw");
        assertThat(n.run("cert", "import", pfx.toString(), "--password-file", n.passwordFile("ipsan").toString()).code()).isZero();
        String row = n.run("cert", "list").out().lines().filter(l -> l.contains(c.stored().thumbprint().hex())).findFirst().orElseThrow();
        assertThat(row).contains("ip-san.example, 192.0.2.10, 2001:db8:");
        assertThat(n.run("ccs", "put", "ip-san.example", pfx.toString(), "--password-file", n.passwordFile("ipsan").toString()).code())
                .isZero();
        assertThat(n.run("ccs", "list").out()).contains("ip-san.example, 192.0.2.10, 2001:db8:");
    }

    static void writeString(Path p, String s) {
        try {
            Files.writeString(p, s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
