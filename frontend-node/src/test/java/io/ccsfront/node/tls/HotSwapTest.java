package io.ccsfront.node.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.cert.PfxExporter;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigChange.Mode;
import io.ccsfront.node.FrontendNode;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.node.testing.Await;
import io.ccsfront.node.testing.FreePorts;
import io.ccsfront.node.testing.TestNodes;
import io.ccsfront.node.testing.TlsProbe;
import io.ccsfront.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot swap on one node: a changed binding, CCS entry or CCS-folder file is served by the next
 * handshake, the listener is never restarted, a kept-alive connection keeps working, and only
 * the affected prepared certificates are dropped.
 */
class HotSwapTest {

    @TempDir
    Path dir;

    FrontendNode node;
    int port;
    Path ccsFolder;

    @BeforeEach
    void start() throws Exception {
        port = FreePorts.next();
        ccsFolder = Files.createDirectories(dir.resolve("ccs"));
        Files.writeString(dir.resolve("ccs.pw"), "folder-secret");
        node = TestNodes.start(TestNodes.config(dir.resolve("node"), Map.of("listeners.https", "0.0.0.0:" + port,
                "ccs.folder", ccsFolder.toString(), "ccs.passwordFile", dir.resolve("ccs.pw").toString(), "ccs.pollInterval", "200ms")));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    String served(String sni) {
        return TlsProbe.presented("127.0.0.1", port, sni);
    }

    @Test
    void rebindingAndCcsChangesAreServedWithoutRestartAndOpenConnectionsKeepWorking() throws Exception {
        TestPki.Issued a = TestPki.get().leaf("a.example");
        TestPki.Issued b = TestPki.get().leaf("b.example");
        TestPki.Issued c = TestPki.get().leaf("c.example");
        TestPki.Issued wwwOld = TestPki.get().leaf("www.example");
        TestPki.Issued wwwNew = TestPki.get().leaf("www.example");
        ConfigService cs = node.configService();
        cs.commit(new ConfigChange.Batch(List.of(
                new ConfigChange.PutCertificate("MY", a.stored(node.protector())),
                new ConfigChange.PutCertificate("MY", b.stored(node.protector())),
                new ConfigChange.PutBinding(new IpPortBinding(IpPort.parse("0.0.0.0:" + port), a.stored().thumbprint()), Mode.ADD),
                new ConfigChange.PutBinding(new CcsBinding(port), Mode.ADD),
                new ConfigChange.PutCcs("www.example", wwwOld.stored(node.protector())),
                new ConfigChange.PutCcs("c.example", c.stored(node.protector())))), ConfigService.ANY_VERSION, "test");
        assertThat(served(null)).isEqualTo(a.stored().thumbprint().hex());
        assertThat(served("www.example")).isEqualTo(wwwOld.stored().thumbprint().hex());
        assertThat(served("c.example")).isEqualTo(c.stored().thumbprint().hex());
        long builds = node.cache().builds();

        try (TlsProbe open = TlsProbe.connect("127.0.0.1", port, null)) {
            assertThat(open.get("any.example", "/")).startsWith("HTTP/1.1");
            cs.commit(new ConfigChange.PutBinding(new IpPortBinding(IpPort.parse("0.0.0.0:" + port), b.stored().thumbprint()), Mode.UPDATE),
                    ConfigService.ANY_VERSION, "test");
            assertThat(served(null)).as("next handshake after rebinding").isEqualTo(b.stored().thumbprint().hex());
            cs.commit(new ConfigChange.PutCcs("www.example", wwwNew.stored(node.protector())), ConfigService.ANY_VERSION, "test");
            assertThat(served("www.example")).as("next handshake after a CCS change").isEqualTo(wwwNew.stored().thumbprint().hex());
            assertThat(open.get("any.example", "/")).as("established connection still served").startsWith("HTTP/1.1");
            assertThat(open.thumbprint.hex()).isEqualTo(a.stored().thumbprint().hex());
        }
        assertThat(served("c.example")).isEqualTo(c.stored().thumbprint().hex());
        assertThat(node.cache().builds() - builds).as("only b and the new www certificate were prepared; c stayed cached").isEqualTo(2);
    }

    @Test
    void fileDroppedIntoTheCcsFolderIsServedAndItsReplacementToo() throws Exception {
        node.configService().commit(new ConfigChange.PutBinding(new CcsBinding(port), Mode.ADD), ConfigService.ANY_VERSION, "test");
        TestPki.Issued first = TestPki.get().leaf("shop.example");
        Files.write(ccsFolder.resolve("shop.example.pfx"), PfxExporter.export(first.chain(), first.key(), "folder-secret".toCharArray()));
        Await.until("the folder's certificate is served", Duration.ofSeconds(10),
                () -> served("shop.example").equals(first.stored().thumbprint().hex()));
        TestPki.Issued renewed = TestPki.get().leaf("shop.example");
        Path f = ccsFolder.resolve("shop.example.pfx");
        Files.write(f, PfxExporter.export(renewed.chain(), renewed.key(), "folder-secret".toCharArray()));
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(2)));
        Await.until("the replaced file is served", Duration.ofSeconds(10),
                () -> served("shop.example").equals(renewed.stored().thumbprint().hex()));
        Files.delete(f);
        Await.until("the removed file is no longer served", Duration.ofSeconds(10),
                () -> served("shop.example").contains("unrecognized_name"));
    }
}
