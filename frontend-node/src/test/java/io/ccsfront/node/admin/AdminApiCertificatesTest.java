package io.ccsfront.node.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.cert.CertificateImporter;
import io.ccsfront.cert.PfxExporter;
import io.ccsfront.testing.TestPki;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The certificate resources over real HTTP against a running node: import, list, show, delete, export. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiCertificatesTest {

    @TempDir
    static Path tmp;
    AdminTestNode n;

    @BeforeAll
    void start() {
        n = AdminTestNode.start(tmp.resolve("node"), Map.of());
    }

    @AfterAll
    void stop() {
        n.close();
    }

    static byte[] pfx(TestPki.Issued c, String password) {
        return PfxExporter.export(c.chain(), c.key(), password.toCharArray());
    }

    @Test
    void multipartImportReturnsThumbprintAndNewVersion() {
        TestPki.Issued c = TestPki.get().leaf("multipart.example");
        long before = n.version();
        AdminTestNode.Response r = n.send(new Multipart().field("password", "pw1").field("store", "WebHosting")
                .file("file", "multipart.pfx", pfx(c, "pw1")).request("POST", n.base() + "/admin/v1/certificates", AdminTestNode.TOKEN));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().getString("thumbprint")).isEqualTo(c.stored().thumbprint().hex());
        assertThat(r.json().getString("store")).isEqualTo("WebHosting");
        assertThat(r.json().getLong("version")).isEqualTo(before + 1);
        assertThat(n.get("/admin/v1/certificates?store=webhosting").body()).contains(c.stored().thumbprint().hex());
    }

    @Test
    void jsonImportIntoANewStoreCreatesIt() {
        TestPki.Issued c = TestPki.get().leaf("json.example");
        JsonObject body = new JsonObject().put("file", Base64.getEncoder().encodeToString(pfx(c, "pw2")))
                .put("password", "pw2").put("store", "Customer7").put("fileName", "json.pfx");
        AdminTestNode.Response r = n.call("POST", "/admin/v1/certificates", body.encode());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        AdminTestNode.Response show = n.get("/admin/v1/certificates/" + c.stored().thumbprint().hex().toLowerCase());
        assertThat(AdminTestNode.strings(show.json().getJsonArray("stores"))).containsExactly("Customer7");
        assertThat(AdminTestNode.strings(show.json().getJsonObject("certificate").getJsonArray("dnsNames"))).containsExactly("json.example");
    }

    @Test
    void wrongPfxPasswordIs400WrongPasswordAndNothingChanges() {
        long before = n.version();
        JsonObject body = new JsonObject().put("file", Base64.getEncoder().encodeToString(pfx(TestPki.get().leaf("pw.example"), "right")))
                .put("password", "wrong");
        AdminTestNode.Response r = n.call("POST", "/admin/v1/certificates", body.encode());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getString("error")).isEqualTo("wrong_password");
        assertThat(r.json().getString("field")).isEqualTo("password");
        assertThat(r.body()).doesNotContain("wrong\"");
        assertThat(n.version()).isEqualTo(before);
    }

    @Test
    void validationErrorNamesFieldAndValue() {
        AdminTestNode.Response r = n.get("/admin/v1/certificates/12ab");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getString("error")).isEqualTo("invalid_argument");
        assertThat(r.json().getString("field")).isEqualTo("thumbprint");
        assertThat(r.json().getString("value")).isEqualTo("12ab");
        assertThat(r.json().getString("message")).contains("12ab");
    }

    @Test
    void unknownCertificateIs404() {
        AdminTestNode.Response r = n.get("/admin/v1/certificates/" + "AB".repeat(20));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().getString("error")).isEqualTo("not_found");
    }

    @Test
    void deletingABoundCertificateIs409NamingTheBindings() {
        TestPki.Issued c = TestPki.get().leaf("bound.example");
        String tp = importPfx(c);
        AdminTestNode.Response add = n.call("POST", "/admin/v1/sslcerts",
                new JsonObject().put("hostnameport", "bound.example:" + n.httpsPort).put("certhash", tp).encode());
        assertThat(add.status()).as(add.toString()).isEqualTo(201);
        long before = n.version();
        AdminTestNode.Response r = n.call("DELETE", "/admin/v1/certificates/" + tp, null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().getString("error")).isEqualTo("certificate_bound");
        assertThat(AdminTestNode.strings(r.json().getJsonArray("bindings"))).containsExactly("hostnameport=bound.example:" + n.httpsPort);
        assertThat(n.version()).isEqualTo(before);
    }

    @Test
    void exportNeedsAPasswordAndRoundTripsWithTheKey() {
        TestPki.Issued c = TestPki.get().leaf("export.example");
        String tp = importPfx(c);
        AdminTestNode.Response none = n.call("POST", "/admin/v1/certificates/" + tp + "/export", "{}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().getString("field")).isEqualTo("password");
        AdminTestNode.Response r = n.call("POST", "/admin/v1/certificates/" + tp + "/export", new JsonObject().put("password", "s3cret").encode());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        byte[] pfx = Base64.getDecoder().decode(r.json().getString("pfx"));
        var back = CertificateImporter.read(pfx, "s3cret".toCharArray());
        assertThat(back.thumbprint().hex()).isEqualTo(tp);
        assertThat(back.hasPrivateKey()).isTrue();
    }

    @Test
    void listFiltersByExpiringWithin() {
        var soon = TestPki.get().leaf(TestPki.LeafSpec.names("soon.example").validity(java.time.Instant.now().minusSeconds(3600),
                java.time.Instant.now().plus(java.time.Duration.ofDays(5))));
        String tp = importPfx(soon);
        String late = importPfx(TestPki.get().leaf("late.example"));
        String body = n.get("/admin/v1/certificates?expiringWithin=10").body();
        assertThat(body).contains(tp).doesNotContain(late);
    }

    String importPfx(TestPki.Issued c) {
        JsonObject body = new JsonObject().put("file", Base64.getEncoder().encodeToString(pfx(c, "pw"))).put("password", "pw");
        AdminTestNode.Response r = n.call("POST", "/admin/v1/certificates", body.encode());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().getString("thumbprint");
    }
}
