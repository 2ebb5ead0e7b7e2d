package io.ccsfront.selection;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.HostnamePortBinding;
import io.ccsfront.binding.IpAddresses;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.selection.Decision.Outcome;
import io.ccsfront.testing.TestPki;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** A level whose certificate cannot be used is never skipped silently (SPEC.md §2). */
class UnusableCertificateTest {

    static final StoredCertificate DEFAULT = TestPki.get().leaf("default").stored();
    static final StoredCertificate MISSING = TestPki.get().leaf("missing.example").stored();
    static final StoredCertificate NO_KEY = TestPki.get().leaf("nokey.example").storedWithoutKey();
    static final StoredCertificate BROKEN = TestPki.get().leaf("broken.example").stored();
    static final InetAddress LOCAL = IpAddresses.parse("127.0.0.1", "l");

    static ConfigSnapshot snapshot() {
        return ConfigSnapshot.builder()
                .putCertificate("MY", DEFAULT)
                .putCertificate("MY", BROKEN)
                .putCertificate("MY", NO_KEY)
                .putBinding(new IpPortBinding(IpPort.parse("0.0.0.0:443"), DEFAULT.thumbprint()))
                .putBinding(new HostnamePortBinding("missing.example", 443, MISSING.thumbprint()))
                .putBinding(new HostnamePortBinding("nokey.example", 443, NO_KEY.thumbprint()))
                .putBinding(new HostnamePortBinding("broken.example", 443, BROKEN.thumbprint()))
                .putBinding(new CcsBinding(443))
                .putCcs("ccs-nokey.example", NO_KEY)
                .version(1).build();
    }

    @Test
    void missingCertificateFailsTheHandshakeByDefault() {
        Decision d = Selector.strict().explain(snapshot(), LOCAL, 443, "missing.example", null);
        assertThat(d.outcome()).isEqualTo(Outcome.UNUSABLE_CERTIFICATE);
        assertThat(d.level()).isEqualTo(Level.HOSTNAME_PORT);
        assertThat(d.alert()).isEqualTo(TlsAlert.HANDSHAKE_FAILURE);
        assertThat(d.problem()).contains("not found in store MY");
        assertThat(d.trace().get(1).result()).isEqualTo(LevelTrace.Result.UNUSABLE);
    }

    @Test
    void certificateWithoutPrivateKeyFailsTheHandshakeByDefault() {
        Decision d = Selector.strict().select(snapshot(), LOCAL, 443, "nokey.example", null);
        assertThat(d.outcome()).isEqualTo(Outcome.UNUSABLE_CERTIFICATE);
        assertThat(d.problem()).contains("no private key");
    }

    @Test
    void ccsEntryWithoutPrivateKeyFailsTheHandshakeByDefault() {
        Decision d = Selector.strict().select(snapshot(), LOCAL, 443, "ccs-nokey.example", null);
        assertThat(d.outcome()).isEqualTo(Outcome.UNUSABLE_CERTIFICATE);
        assertThat(d.level()).isEqualTo(Level.CCS);
    }

    @Test
    void keyThatFailedToLoadFailsTheHandshakeByDefault() {
        CertificateHealth health = t -> t.equals(BROKEN.thumbprint()) ? "key failed to load" : null;
        Decision d = Selector.strict().select(snapshot(), LOCAL, 443, "broken.example", health);
        assertThat(d.outcome()).isEqualTo(Outcome.UNUSABLE_CERTIFICATE);
        assertThat(d.problem()).isEqualTo("key failed to load");
    }

    @Test
    void fallThroughOptionServesTheNextLevelAndCountsTheSkip() {
        Selector httpSys = new Selector(true);
        for (String sni : new String[] {"missing.example", "nokey.example", "ccs-nokey.example"}) {
            Decision d = httpSys.explain(snapshot(), LOCAL, 443, sni, null);
            assertThat(d.outcome()).as(sni).isEqualTo(Outcome.SELECTED);
            assertThat(d.level()).as(sni).isEqualTo(Level.IPV4_WILDCARD);
            assertThat(d.certificate()).as(sni).isEqualTo(DEFAULT);
            assertThat(d.unusableSkipped()).as(sni).isEqualTo(1);
            assertThat(d.describe()).as(sni).contains("falling through");
        }
    }

    @Test
    void unusableWildcardWithFallThroughAndNothingElseIsNoCertificate() {
        ConfigSnapshot s = ConfigSnapshot.builder()
                .putBinding(new IpPortBinding(IpPort.parse("0.0.0.0:443"), MISSING.thumbprint())).version(1).build();
        Decision d = new Selector(true).select(s, LOCAL, 443, null, null);
        assertThat(d.outcome()).isEqualTo(Outcome.NO_CERTIFICATE);
        assertThat(d.unusableSkipped()).isEqualTo(1);
    }
}
