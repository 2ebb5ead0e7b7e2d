package io.ccsfront.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccsfront.binding.HostnamePortBinding;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ConfigChange.Batch;
import io.ccsfront.config.ConfigChange.Mode;
import io.ccsfront.config.ConfigChange.PutBinding;
import io.ccsfront.config.ConfigChange.PutCcs;
import io.ccsfront.config.ConfigChange.PutCertificate;
import io.ccsfront.config.ConfigChange.Rotate;
import io.ccsfront.testing.TestPki;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rotation: OLD becomes NEW in every ipport/hostnameport binding and CCS entry, in one step. */
class RotateTest {

    static final StoredCertificate OLD = TestPki.get().leaf("*.contoso.com", "contoso.com").stored();
    static final StoredCertificate NEW = TestPki.get().leaf("*.contoso.com", "contoso.com").stored();
    static final StoredCertificate UNRELATED = TestPki.get().leaf("www.fabrikam.com").stored();

    static ConfigSnapshot snapshot() {
        return ConfigSnapshot.empty().apply(new Batch(List.of(
                new PutCertificate("MY", OLD), new PutCertificate("WebHosting", OLD), new PutCertificate("MY", UNRELATED),
                new PutBinding(new IpPortBinding(IpPort.parse("0.0.0.0:443"), OLD.thumbprint()), Mode.ADD),
                new PutBinding(new IpPortBinding(IpPort.parse("[::]:443"), OLD.thumbprint()), Mode.ADD),
                new PutBinding(new HostnamePortBinding("www.contoso.com", 443, OLD.thumbprint(), "WebHosting", null, null), Mode.ADD),
                new PutBinding(new HostnamePortBinding("www.fabrikam.com", 443, UNRELATED.thumbprint()), Mode.ADD),
                new PutCcs("_.contoso.com", OLD), new PutCcs("contoso.com", OLD), new PutCcs("www.fabrikam.com", UNRELATED))));
    }

    @Test
    void rotateReplacesOldByNewEverywhereInOneVersion() {
        ConfigSnapshot before = snapshot();
        ConfigSnapshot after = before.apply(new Rotate(OLD.thumbprint(), NEW));
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.bindingsUsing(OLD.thumbprint())).isEmpty();
        assertThat(after.bindingsUsing(NEW.thumbprint())).extracting(b -> b.key().toString())
                .containsExactly("ipport=0.0.0.0:443", "ipport=[::]:443", "hostnameport=www.contoso.com:443");
        assertThat(after.ccsKeysUsing(OLD.thumbprint())).isEmpty();
        assertThat(after.ccsKeysUsing(NEW.thumbprint())).containsExactly("_.contoso.com", "contoso.com");
        assertThat(after.hostnamePortBinding("www.contoso.com", 443).certStoreName()).isEqualTo("WebHosting");
    }

    @Test
    void rotatePutsNewIntoEveryStoreARotatedBindingNames() {
        ConfigSnapshot after = snapshot().apply(new Rotate(OLD.thumbprint(), NEW));
        assertThat(after.certificate("MY", NEW.thumbprint())).isEqualTo(NEW);
        assertThat(after.certificate("WebHosting", NEW.thumbprint())).isEqualTo(NEW);
        assertThat(after.certificate("MY", OLD.thumbprint())).as("OLD stays until deleted").isEqualTo(OLD);
    }

    @Test
    void rotateLeavesOtherCertificatesAndTheOldSnapshotAlone() {
        ConfigSnapshot before = snapshot();
        ConfigSnapshot after = before.apply(new Rotate(OLD.thumbprint(), NEW));
        assertThat(after.hostnamePortBinding("www.fabrikam.com", 443).certHash()).isEqualTo(UNRELATED.thumbprint());
        assertThat(after.ccs("www.fabrikam.com")).isEqualTo(UNRELATED);
        assertThat(before.bindingsUsing(OLD.thumbprint())).hasSize(3);
        assertThat(before.ccsKeysUsing(OLD.thumbprint())).hasSize(2);
    }

    @Test
    void rotateAlsoReplacesCcsEntriesAddedEarlierInTheSameBatch() {
        ConfigSnapshot after = snapshot().apply(new Batch(List.of(new PutCcs("shop.contoso.com", OLD),
                new Rotate(OLD.thumbprint(), NEW))));
        assertThat(after.ccsKeysUsing(OLD.thumbprint())).isEmpty();
        assertThat(after.ccs("shop.contoso.com")).isEqualTo(NEW);
    }

    @Test
    void rotateOfAnUnusedCertificateIsNotFound() {
        StoredCertificate unused = TestPki.get().leaf("unused.example").stored();
        assertThatThrownBy(() -> snapshot().apply(new Rotate(unused.thumbprint(), NEW)))
                .isInstanceOf(ConfigException.NotFound.class)
                .hasMessage("no SSL binding or CCS entry holds certificate " + unused.thumbprint());
    }

    @Test
    void rotateToACertificateWithoutKeyIsRefused() {
        StoredCertificate noKey = TestPki.get().leaf("*.contoso.com").storedWithoutKey();
        assertThatThrownBy(() -> snapshot().apply(new Rotate(OLD.thumbprint(), noKey)))
                .isInstanceOf(ConfigException.Conflict.class)
                .hasMessage("rotation target " + noKey.thumbprint() + " has no private key");
    }

    @Test
    void rotateNeedsTwoDifferentCertificates() {
        assertThatThrownBy(() -> new Rotate(OLD.thumbprint(), OLD))
                .hasMessage("rotation needs two different certificates: " + OLD.thumbprint());
    }
}
