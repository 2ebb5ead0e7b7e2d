package io.ccsfront.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigChange.Mode;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.site.Site;
import io.ccsfront.testing.TestPki;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalConfigStoreTest {

    @TempDir
    Path dir;

    static final StoredCertificate DEFAULT = TestPki.get().leaf("default.example").stored();
    static final TestPki.Issued WWW_ISSUED = TestPki.get().leaf("www.contoso.com");
    static final StoredCertificate WWW = WWW_ISSUED.stored();
    static final StoredCertificate NEXT = TestPki.get().leaf("www.contoso.com").stored();

    static List<ConfigChange> changes() {
        return List.of(
                new ConfigChange.PutCertificate("MY", DEFAULT),
                new ConfigChange.PutBinding(new IpPortBinding(IpPort.parse("0.0.0.0:443"), DEFAULT.thumbprint()), Mode.ADD),
                new ConfigChange.PutBinding(new CcsBinding(443), Mode.ADD),
                new ConfigChange.PutCcs("www.contoso.com", WWW),
                new ConfigChange.PutSite(new Site("contoso", 1, List.of(SiteBinding.parse(SiteBinding.Protocol.HTTPS, "*:443:www.contoso.com", 2)),
                        List.of(URI.create("http://127.0.0.1:8081"))), Mode.ADD),
                new ConfigChange.Rotate(WWW.thumbprint(), NEXT));
    }

    static ConfigSnapshot commitAll(LocalConfigStore store, ConfigSnapshot s, List<ConfigChange> changes) throws Exception {
        for (ConfigChange c : changes) {
            ChangeRecord r = new ChangeRecord(s.version() + 1, c, "test", Instant.parse("2026-11-22T00:00:00Z"));
            s = History.apply(r, s);
            store.append(r, s);
        }
        return s;
    }

    @Test
    void everyAppendedChangeSurvivesARestart() throws Exception {
        var loaded = LocalConfigStore.open(dir, 1000);
        ConfigSnapshot s = commitAll(loaded.store(), loaded.snapshot(), changes());
        loaded.store().close();
        var again = LocalConfigStore.open(dir, 1000);
        assertThat(again.snapshot()).isEqualTo(s);
        assertThat(again.replayed()).isEqualTo(changes().size());
        assertThat(ConfigCodec.contentHash(again.snapshot())).isEqualTo(ConfigCodec.contentHash(s));
    }

    @Test
    void compactionWritesASnapshotAndKeepsEverything() throws Exception {
        var loaded = LocalConfigStore.open(dir, 2);
        ConfigSnapshot s = commitAll(loaded.store(), loaded.snapshot(), changes());
        loaded.store().close();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("snapshot-6.json", "journal-6.log");
        }
        var again = LocalConfigStore.open(dir, 2);
        assertThat(again.snapshot()).isEqualTo(s);
        assertThat(again.snapshot().ccs("www.contoso.com").thumbprint()).isEqualTo(NEXT.thumbprint());
    }

    @Test
    void tornLastLineIsDroppedAndTheRestIsKept() throws Exception {
        var loaded = LocalConfigStore.open(dir, 1000);
        ConfigSnapshot s = commitAll(loaded.store(), loaded.snapshot(), changes().subList(0, 3));
        loaded.store().close();
        Files.write(dir.resolve("journal-0.log"), "1234abcd {\"version\":4,\"cha".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        var again = LocalConfigStore.open(dir, 1000);
        assertThat(again.snapshot()).isEqualTo(s);
        assertThat(again.snapshot().version()).isEqualTo(3);
    }

    @Test
    void snapshotJsonHoldsNoPlaintextKey() throws Exception {
        ConfigSnapshot s = ConfigSnapshot.empty();
        for (ConfigChange c : changes()) {
            s = s.apply(c);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfigCodec.writeSnapshot(s, out);
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("PRIVATE KEY");
        byte[] pkcs8 = WWW_ISSUED.key().getEncoded();
        String b64 = java.util.Base64.getEncoder().encodeToString(pkcs8);
        for (int i = 0; i + 24 <= b64.length(); i += 12) {
            assertThat(json).doesNotContain(b64.substring(i, i + 24));
        }
        assertThat(ConfigCodec.readSnapshot(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(s);
    }
}
