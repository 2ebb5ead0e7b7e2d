package io.ccsfront.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.map.IMap;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.node.FrontendNode;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.node.testing.Await;
import io.ccsfront.node.testing.InProcessCluster;
import io.ccsfront.testing.TestPki;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Private keys are sealed everywhere outside the TLS engine: the raw values of every cluster map
 * and every byte the nodes wrote to their data folders hold no trace of the key — not its
 * PKCS#8 encoding, not its base64, not the bare private scalar, not a PEM header.
 */
class NoPlaintextKeysTest {

    @TempDir
    Path dir;

    @Test
    void clusterMapsAndDataFilesHoldNoPlaintextKeyMaterial() throws Exception {
        try (InProcessCluster cluster = new InProcessCluster(dir, 2, Map.of()).start(2)) {
            FrontendNode n1 = cluster.node(1);
            List<TestPki.Issued> certs = List.of(TestPki.get().leaf("a.secret.example"), TestPki.get().leaf("b.secret.example"));
            for (TestPki.Issued c : certs) {
                n1.configService().commit(new ConfigChange.PutCcs(c.chain().get(0).getSubjectX500Principal().getName().contains("a.")
                        ? "a.secret.example" : "b.secret.example", c.stored(n1.protector())), ConfigService.ANY_VERSION, "test");
            }
            n1.configService().commit(new ConfigChange.PutCertificate("MY", certs.get(0).stored(n1.protector())), ConfigService.ANY_VERSION, "test");
            long v = n1.configService().current().version();
            Await.until("node 2 applied everything", Duration.ofSeconds(10), () -> cluster.node(2).configService().current().version() == v);
            ((ClusterConfigService) n1.configService()).publishCheckpoint();

            List<byte[]> blobs = new ArrayList<>();
            for (String name : List.of(HazelcastMember.JOURNAL, HazelcastMember.CHECKPOINT, HazelcastMember.MEMBERS, HazelcastMember.TICKETS)) {
                IMap<Object, Object> map = n1.hazelcast().getMap(name);
                for (Object value : map.values()) {
                    byte[] b = value instanceof byte[] bytes ? bytes : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
                    blobs.add(b);
                    blobs.add(gunzipOrEmpty(b));
                }
            }
            assertThat(blobs).as("the journal and checkpoint were read").hasSizeGreaterThan(4);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    blobs.add(Files.readAllBytes(f));
                }
            }
            for (TestPki.Issued c : certs) {
                byte[] pkcs8 = c.key().getEncoded();
                byte[] scalar = unsigned(((ECPrivateKey) c.key()).getS());
                for (byte[] blob : blobs) {
                    assertThat(indexOf(blob, pkcs8)).as("PKCS#8 key bytes").isEqualTo(-1);
                    assertThat(indexOf(blob, scalar)).as("the private scalar").isEqualTo(-1);
                    String text = new String(blob, StandardCharsets.ISO_8859_1);
                    assertThat(text).doesNotContain("PRIVATE KEY");
                    for (int shift = 0; shift < 3; shift++) {
                        String b64 = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(pkcs8, shift, pkcs8.length));
                        assertThat(text).doesNotContain(b64.substring(4, 40));
                    }
                }
            }
        }
    }

    static byte[] unsigned(BigInteger s) {
        byte[] b = s.toByteArray();
        return b.length > 32 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    static byte[] gunzipOrEmpty(byte[] b) {
        if (b.length < 2 || b[0] != (byte) 0x1f || b[1] != (byte) 0x8b) {
            return new byte[0];
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
