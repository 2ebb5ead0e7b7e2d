package io.ccsfront.node.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.binding.HostnamePortBinding;
import io.ccsfront.cert.PfxExporter;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.testing.TestPki;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <dataDir>/audit.log}: one fsynced JSON line per committed change, whoever committed it; never key material. */
class AuditLogTest {

    @TempDir
    Path tmp;

    @Test
    void everyCommittedChangeIsAuditedWithActorVersionAndReplacedThumbprints() throws Exception {
        try (AdminTestNode n = AdminTestNode.start(tmp.resolve("node"), Map.of())) {
            TestPki.Issued oldCert = TestPki.get().leaf("audit.example");
            TestPki.Issued newCert = TestPki.get().leaf("audit.example");
            StoredCertificate oldStored = oldCert.stored(n.node.protector());
            StoredCertificate newStored = newCert.stored(n.node.protector());
            // committed without the admin API, as another cluster member's change arrives: audited too
            n.node.configService().commit(new ConfigChange.Batch(List.of(
                    new ConfigChange.PutCertificate("MY", oldStored),
                    new ConfigChange.PutBinding(new HostnamePortBinding("audit.example", n.httpsPort, oldStored.thumbprint()),
                            ConfigChange.Mode.ADD))), ConfigService.ANY_VERSION, "bob");
            String pfx = Base64.getEncoder().encodeToString(PfxExporter.export(newCert.chain(), newCert.key(), "pw".toCharArray()));
            assertThat(n.call("POST", "/admin/v1/certificates", new JsonObject().put("file", pfx).put("password", "pw").encode()).status())
                    .isEqualTo(201);
            AdminTestNode.Response rot = n.call("POST", "/admin/v1/rotate",
                    new JsonObject().put("from", oldStored.thumbprint().hex()).put("to", newStored.thumbprint().hex()).encode());
            assertThat(rot.status()).as(rot.toString()).isEqualTo(200);
            assertThat(n.call("POST", "/admin/v1/certificates/" + newStored.thumbprint().hex() + "/export",
                    new JsonObject().put("password", "x").encode()).status()).isEqualTo(200);

            JsonArray entries = n.get("/admin/v1/audit?limit=4").json().getJsonArray("entries");
            assertThat(entries.size()).isEqualTo(4);
            JsonObject batch = entries.getJsonObject(0);
            JsonObject imported = entries.getJsonObject(1);
            JsonObject rotate = entries.getJsonObject(2);
            JsonObject export = entries.getJsonObject(3);
            assertThat(imported.getString("type")).isEqualTo("putCertificate");
            assertThat(AdminTestNode.strings(imported.getJsonArray("newThumbprints"))).containsExactly(newStored.thumbprint().hex());
            assertThat(batch.getString("actor")).isEqualTo("bob");
            assertThat(rotate.getString("actor")).isEqualTo("admin");
            assertThat(rotate.getString("type")).isEqualTo("rotate");
            assertThat(rotate.getLong("version")).isEqualTo(rot.json().getLong("version"));
            assertThat(AdminTestNode.strings(rotate.getJsonArray("oldThumbprints"))).containsExactly(oldStored.thumbprint().hex());
            assertThat(AdminTestNode.strings(rotate.getJsonArray("newThumbprints"))).containsExactly(newStored.thumbprint().hex());
            assertThat(rotate.getString("time")).isNotBlank();
            assertThat(export.getString("type")).isEqualTo("export");

            String log = Files.readString(tmp.resolve("node").resolve("audit.log"), StandardCharsets.UTF_8);
            assertThat(log.lines()).allSatisfy(l -> assertThat(new JsonObject(l).getString("node")).isEqualTo("test"));
            assertThat(log).doesNotContain("PRIVATE").doesNotContain(pfx.substring(0, 40))
                    .doesNotContain(Base64.getEncoder().encodeToString(oldStored.sealedKey().toString().getBytes(StandardCharsets.UTF_8)));
        }
    }
}
