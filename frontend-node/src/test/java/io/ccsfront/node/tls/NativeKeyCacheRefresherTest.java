package io.ccsfront.node.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.node.FrontendNode;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.node.testing.FreePorts;
import io.ccsfront.node.testing.TestNodes;
import io.ccsfront.node.testing.TlsProbe;
import io.ccsfront.testing.TestPki;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BoringSSL's native key cache never evicts: once more certificates were served than it holds, the contexts are rebuilt. */
class NativeKeyCacheRefresherTest {

    @TempDir
    Path dir;

    @Test
    void contextsAreRebuiltWhenMoreCertificatesWereServedThanTheNativeCacheHoldsAndKeepServing() throws Exception {
        int port = FreePorts.next();
        FrontendNode node = TestNodes.start(TestNodes.config(dir, Map.of("listeners.https", "0.0.0.0:" + port, "tls.engine", "openssl",
                "tls.cacheSize", "2", "tls.nativeCacheRefreshInterval", "0")));
        try {
            List<ConfigChange> c = new ArrayList<>();
            c.add(new ConfigChange.PutBinding(new CcsBinding(port), ConfigChange.Mode.ADD));
            List<String> thumbprints = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                TestPki.Issued cert = TestPki.get().leaf("n" + i + ".native.test");
                c.add(new ConfigChange.PutCcs("n" + i + ".native.test", cert.stored(node.protector())));
                thumbprints.add(cert.stored().thumbprint().hex());
            }
            node.configService().commit(new ConfigChange.Batch(c), ConfigService.ANY_VERSION, "test");
            NativeKeyCacheRefresher refresher = node.nativeKeyCacheRefresher();
            assertThat(refresher).isNotNull();
            for (int i = 0; i < 4; i++) {
                assertThat(TlsProbe.presented("127.0.0.1", port, "n" + i + ".native.test")).isEqualTo(thumbprints.get(i));
            }
            assertThat(refresher.servedSinceRefresh()).isGreaterThan(2);
            try (TlsProbe open = TlsProbe.connect("127.0.0.1", port, "n0.native.test")) {
                refresher.check();
                assertThat(refresher.refreshes()).isEqualTo(1);
                assertThat(refresher.servedSinceRefresh()).isZero();
                assertThat(open.get("n0.native.test", "/")).as("open connections keep their context").startsWith("HTTP/1.1 200");
            }
            for (int i = 0; i < 4; i++) {
                assertThat(TlsProbe.presented("127.0.0.1", port, "n" + i + ".native.test")).isEqualTo(thumbprints.get(i));
            }
        } finally {
            node.close();
        }
    }
}
