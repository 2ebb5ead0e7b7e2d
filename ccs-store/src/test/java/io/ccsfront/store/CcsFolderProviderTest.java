package io.ccsfront.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.cert.PfxExporter;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.testing.TestPki;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IIS CCS folder layout: {@code <host>.pfx}, {@code _.<domain>.pfx}, and {@code .crt}+{@code .key} pairs. */
class CcsFolderProviderTest {

    static final char[] PASSWORD = "folder-secret".toCharArray();

    @TempDir
    Path dir;

    ConfigSnapshot apply(ConfigSnapshot s, CcsFolderProvider.Scan scan) {
        for (ConfigChange c : scan.changes()) {
            s = s.apply(c);
        }
        return s;
    }

    void pfx(String file, TestPki.Issued cert) throws Exception {
        Files.write(dir.resolve(file), PfxExporter.export(cert.chain(), cert.key(), PASSWORD));
    }

    @Test
    void iisLayoutFilesBecomeCcsEntries() throws Exception {
        TestPki.Issued www = TestPki.get().leaf("www.contoso.com");
        TestPki.Issued wild = TestPki.get().leaf("*.contoso.com");
        pfx("www.contoso.com.pfx", www);
        pfx("_.contoso.com.pfx", wild);
        StringWriter crt = new StringWriter();
        StringWriter key = new StringWriter();
        TestPki.Issued pem = TestPki.get().leaf("shop.fabrikam.com");
        try (JcaPEMWriter w = new JcaPEMWriter(crt)) {
            for (var c : pem.chain()) {
                w.writeObject(c);
            }
        }
        try (JcaPEMWriter w = new JcaPEMWriter(key)) {
            w.writeObject(pem.key());
        }
        Files.writeString(dir.resolve("shop.fabrikam.com.crt"), crt.toString());
        Files.writeString(dir.resolve("shop.fabrikam.com.key"), key.toString());
        Files.writeString(dir.resolve("readme.txt"), "not a certificate");

        CcsFolderProvider p = new CcsFolderProvider(dir, PASSWORD, TestPki.PROTECTOR);
        CcsFolderProvider.Scan scan = p.scan(ConfigSnapshot.empty());
        assertThat(scan.problems()).isEmpty();
        ConfigSnapshot s = apply(ConfigSnapshot.empty(), scan);
        assertThat(s.ccsKeys()).containsExactly("_.contoso.com", "shop.fabrikam.com", "www.contoso.com");
        assertThat(s.ccs("www.contoso.com").thumbprint()).isEqualTo(www.stored().thumbprint());
        assertThat(s.ccs("_.contoso.com").hasPrivateKey()).isTrue();
        assertThat(p.scan(s).changes()).as("in sync: nothing to do").isEmpty();
    }

    @Test
    void replacedFileIsNoticedAndRemovedFileDeletesOnlyItsOwnEntry() throws Exception {
        pfx("www.contoso.com.pfx", TestPki.get().leaf("www.contoso.com"));
        CcsFolderProvider p = new CcsFolderProvider(dir, PASSWORD, TestPki.PROTECTOR);
        ConfigSnapshot s = apply(ConfigSnapshot.empty(), p.scan(ConfigSnapshot.empty()));
        s = s.apply(new ConfigChange.PutCcs("api.example", TestPki.get().leaf("api.example").stored()));

        TestPki.Issued renewed = TestPki.get().leaf("www.contoso.com");
        pfx("www.contoso.com.pfx", renewed);
        Files.setLastModifiedTime(dir.resolve("www.contoso.com.pfx"), FileTime.from(Instant.now().plusSeconds(5)));
        CcsFolderProvider.Scan scan = p.scan(s);
        assertThat(scan.changes()).hasSize(1).first().isInstanceOf(ConfigChange.PutCcs.class);
        s = apply(s, scan);
        assertThat(s.ccs("www.contoso.com").thumbprint()).isEqualTo(renewed.stored().thumbprint());

        Files.delete(dir.resolve("www.contoso.com.pfx"));
        scan = p.scan(s);
        assertThat(scan.changes()).containsExactly(new ConfigChange.DeleteCcs("www.contoso.com"));
        s = apply(s, scan);
        assertThat(s.ccsKeys()).containsExactly("api.example");
    }

    @Test
    void unreadableFileIsReportedAndKeepsServingThePreviousCertificate() throws Exception {
        pfx("www.contoso.com.pfx", TestPki.get().leaf("www.contoso.com"));
        CcsFolderProvider p = new CcsFolderProvider(dir, PASSWORD, TestPki.PROTECTOR);
        ConfigSnapshot s = apply(ConfigSnapshot.empty(), p.scan(ConfigSnapshot.empty()));
        Files.write(dir.resolve("www.contoso.com.pfx"), new byte[] {0x30, (byte) 0x82, 0x01});
        Files.setLastModifiedTime(dir.resolve("www.contoso.com.pfx"), FileTime.from(Instant.now().plusSeconds(5)));
        CcsFolderProvider.Scan scan = p.scan(s);
        assertThat(scan.changes()).isEmpty();
        assertThat(scan.problems()).singleElement().asString().startsWith("www.contoso.com: ");
    }

    @Test
    void wrongFolderPasswordIsReportedPerFile() throws Exception {
        pfx("www.contoso.com.pfx", TestPki.get().leaf("www.contoso.com"));
        CcsFolderProvider p = new CcsFolderProvider(dir, "other".toCharArray(), TestPki.PROTECTOR);
        CcsFolderProvider.Scan scan = p.scan(ConfigSnapshot.empty());
        assertThat(scan.changes()).isEmpty();
        assertThat(scan.problems()).singleElement().asString().containsIgnoringCase("password");
    }

    @Test
    void badFileNamesAreReported() throws Exception {
        pfx("f*.contoso.com.pfx", TestPki.get().leaf("www.contoso.com"));
        CcsFolderProvider.Scan scan = new CcsFolderProvider(dir, PASSWORD, TestPki.PROTECTOR).scan(ConfigSnapshot.empty());
        assertThat(scan.changes()).isEmpty();
        assertThat(scan.problems()).hasSize(1);
        assertThat(List.copyOf(scan.problems()).get(0)).contains("not a CCS key");
    }
}
