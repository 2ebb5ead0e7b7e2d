package io.ccsfront.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccsfront.binding.BindingKey;
import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.HostnamePortBinding;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ConfigChange.Batch;
import io.ccsfront.config.ConfigChange.CreateStore;
import io.ccsfront.config.ConfigChange.DeleteBinding;
import io.ccsfront.config.ConfigChange.DeleteCcs;
import io.ccsfront.config.ConfigChange.DeleteCertificate;
import io.ccsfront.config.ConfigChange.DeleteSite;
import io.ccsfront.config.ConfigChange.Mode;
import io.ccsfront.config.ConfigChange.PutBinding;
import io.ccsfront.config.ConfigChange.PutCertificate;
import io.ccsfront.config.ConfigChange.PutSite;
import io.ccsfront.site.Site;
import io.ccsfront.testing.TestPki;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ConfigSnapshot#apply}: the checks netsh, appcmd and certutil make, version steps, all-or-nothing batches. */
class ApplyTest {

    static final StoredCertificate WWW = TestPki.get().leaf("www.contoso.com").stored();
    static final StoredCertificate OTHER = TestPki.get().leaf("other.example").stored();
    static final StoredCertificate NO_KEY = TestPki.get().leaf("nokey.example").storedWithoutKey();
    static final IpPortBinding WILDCARD = new IpPortBinding(IpPort.parse("0.0.0.0:443"), WWW.thumbprint());
    static final HostnamePortBinding SNI = new HostnamePortBinding("www.contoso.com", 443, WWW.thumbprint());

    static ConfigSnapshot bound() {
        return ConfigSnapshot.empty().apply(new Batch(List.of(new PutCertificate("MY", WWW), new PutCertificate("MY", OTHER),
                new PutBinding(WILDCARD, Mode.ADD), new PutBinding(SNI, Mode.ADD))));
    }

    @Test
    void emptySnapshotHasTheTwoWindowsStores() {
        assertThat(ConfigSnapshot.empty().storeNames()).containsExactly("MY", "WebHosting");
        assertThat(ConfigSnapshot.empty().version()).isZero();
        assertThat(ConfigSnapshot.empty().hasStore("webhosting")).isTrue();
    }

    @Test
    void eachApplyIsOneVersionStepAndLeavesTheOldSnapshotAlone() {
        ConfigSnapshot v1 = ConfigSnapshot.empty().apply(new PutCertificate("MY", WWW));
        ConfigSnapshot v2 = v1.apply(new PutBinding(WILDCARD, Mode.ADD));
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v1.bindings()).isEmpty();
        assertThat(v2.bindings()).containsExactly(WILDCARD);
        assertThat(v2.ipPortBinding(IpPort.parse("0.0.0.0:443"))).isEqualTo(WILDCARD);
    }

    @Test
    void addingAnExistingBindingIsAConflict() {
        assertThatThrownBy(() -> bound().apply(new PutBinding(WILDCARD.withCertHash(OTHER.thumbprint()), Mode.ADD)))
                .isInstanceOf(ConfigException.Conflict.class)
                .hasMessage("SSL binding already exists: ipport=0.0.0.0:443 (delete it first, or use update)");
    }

    @Test
    void updatingAMissingBindingIsNotFound() {
        HostnamePortBinding shop = new HostnamePortBinding("shop.example", 443, WWW.thumbprint());
        assertThatThrownBy(() -> bound().apply(new PutBinding(shop, Mode.UPDATE)))
                .isInstanceOf(ConfigException.NotFound.class).hasMessage("SSL binding not found: hostnameport=shop.example:443");
    }

    @Test
    void updateAndPutReplaceTheCertificate() {
        ConfigSnapshot s = bound().apply(new PutBinding(WILDCARD.withCertHash(OTHER.thumbprint()), Mode.UPDATE));
        assertThat(s.ipPortBinding(IpPort.parse("0.0.0.0:443")).certHash()).isEqualTo(OTHER.thumbprint());
        ConfigSnapshot p = s.apply(new PutBinding(new CcsBinding(443), Mode.PUT));
        assertThat(p.ccsBinding(443)).isEqualTo(new CcsBinding(443));
    }

    @Test
    void bindingToAMissingCertificateIsNotFound() {
        HostnamePortBinding b = new HostnamePortBinding("shop.example", 443, NO_KEY.thumbprint());
        assertThatThrownBy(() -> bound().apply(new PutBinding(b, Mode.ADD))).isInstanceOf(ConfigException.NotFound.class)
                .hasMessage("certificate " + NO_KEY.thumbprint() + " not found in store MY");
    }

    @Test
    void bindingToACertificateInAnotherStoreIsNotFound() {
        HostnamePortBinding b = new HostnamePortBinding("shop.example", 443, WWW.thumbprint(), "WebHosting", null, null);
        assertThatThrownBy(() -> bound().apply(new PutBinding(b, Mode.ADD)))
                .hasMessage("certificate " + WWW.thumbprint() + " not found in store WebHosting");
    }

    @Test
    void bindingToAMissingStoreIsNotFound() {
        HostnamePortBinding b = new HostnamePortBinding("shop.example", 443, WWW.thumbprint(), "Custom", null, null);
        assertThatThrownBy(() -> bound().apply(new PutBinding(b, Mode.ADD))).hasMessage("certificate store not found: Custom");
    }

    @Test
    void bindingToACertificateWithoutPrivateKeyIsAConflict() {
        ConfigSnapshot s = bound().apply(new PutCertificate("MY", NO_KEY));
        HostnamePortBinding b = new HostnamePortBinding("shop.example", 443, NO_KEY.thumbprint());
        assertThatThrownBy(() -> s.apply(new PutBinding(b, Mode.ADD))).isInstanceOf(ConfigException.Conflict.class)
                .hasMessage("certificate " + NO_KEY.thumbprint() + " has no private key and cannot serve TLS");
    }

    @Test
    void deletingABoundCertificateIsAConflictListingTheBindings() {
        assertThatThrownBy(() -> bound().apply(new DeleteCertificate("my", WWW.thumbprint())))
                .isInstanceOf(ConfigException.Conflict.class)
                .hasMessage("certificate " + WWW.thumbprint() + " is still bound: hostnameport=www.contoso.com:443, ipport=0.0.0.0:443");
    }

    @Test
    void deletingAnUnboundCertificateWorksAndAMissingOneIsNotFound() {
        ConfigSnapshot s = bound().apply(new DeleteCertificate("MY", OTHER.thumbprint()));
        assertThat(s.certificate("MY", OTHER.thumbprint())).isNull();
        assertThatThrownBy(() -> s.apply(new DeleteCertificate("MY", OTHER.thumbprint())))
                .isInstanceOf(ConfigException.NotFound.class)
                .hasMessage("certificate " + OTHER.thumbprint() + " not found in store MY");
    }

    @Test
    void reimportingACertificateWithoutItsKeyWouldLoseTheKey() {
        StoredCertificate withoutKey = StoredCertificate.restore(WWW.chainDer(), null);
        assertThatThrownBy(() -> bound().apply(new PutCertificate("MY", withoutKey)))
                .isInstanceOf(ConfigException.Conflict.class).hasMessageContaining("importing it without one would lose the key");
    }

    @Test
    void staleVersionIsRefusedAndNothingChanges() {
        ConfigSnapshot s = bound();
        ConfigException.StaleVersion e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.StaleVersion.class,
                () -> s.apply(new DeleteBinding(BindingKey.parse("ipport=0.0.0.0:443")), s.version() - 1));
        assertThat(e).hasMessage("configuration changed since version 0 (now 1): re-read and retry; nothing was changed");
        assertThat(e.expected()).isZero();
        assertThat(e.actual()).isEqualTo(1);
        assertThat(s.apply(new DeleteBinding(BindingKey.parse("ipport=0.0.0.0:443")), s.version()).version()).isEqualTo(2);
    }

    @Test
    void failingBatchLeavesTheSnapshotUnchanged() {
        ConfigSnapshot before = bound();
        ConfigSnapshot copy = bound();
        StoredCertificate extra = TestPki.get().leaf("extra.example").stored();
        Batch batch = new Batch(List.of(new PutCertificate("MY", extra), new DeleteBinding(BindingKey.parse("hostnameport=www.contoso.com:443")),
                new PutBinding(WILDCARD, Mode.ADD)));
        assertThatThrownBy(() -> before.apply(batch)).isInstanceOf(ConfigException.Conflict.class);
        assertThat(before.certificate("MY", extra.thumbprint())).isNull();
        assertThat(before.hostnamePortBinding("www.contoso.com", 443)).isEqualTo(SNI);
        assertThat(before.version()).isEqualTo(1);
        assertThat(before).isEqualTo(copy);
    }

    @Test
    void batchIsOneVersionStepAndSeesItsOwnEdits() {
        StoredCertificate extra = TestPki.get().leaf("extra.example").stored();
        HostnamePortBinding b = new HostnamePortBinding("extra.example", 443, extra.thumbprint());
        ConfigSnapshot s = bound().apply(new Batch(List.of(new PutCertificate("MY", extra), new PutBinding(b, Mode.ADD),
                new ConfigChange.PutCcs("*.contoso.com", extra))));
        assertThat(s.version()).isEqualTo(2);
        assertThat(s.hostnamePortBinding("extra.example", 443)).isEqualTo(b);
        assertThat(s.ccs("_.contoso.com")).isEqualTo(extra);
        assertThatThrownBy(() -> new Batch(List.of())).hasMessage("a batch needs at least one change");
    }

    @Test
    void notFoundAndConflictMessagesNameTheObject() {
        ConfigSnapshot s = bound();
        assertThatThrownBy(() -> s.apply(new CreateStore("my"))).isInstanceOf(ConfigException.Conflict.class)
                .hasMessage("certificate store already exists: MY");
        assertThatThrownBy(() -> s.apply(new DeleteCcs("www.fabrikam.com"))).isInstanceOf(ConfigException.NotFound.class)
                .hasMessage("CCS entry not found: www.fabrikam.com");
        assertThatThrownBy(() -> s.apply(new DeleteBinding(BindingKey.parse("ipport=10.0.0.1:443"))))
                .hasMessage("SSL binding not found: ipport=10.0.0.1:443");
        assertThatThrownBy(() -> s.apply(new DeleteSite("shop"))).hasMessage("site not found: shop");
    }

    @Test
    void sitesAreAddedOnceAndIdsAreUnique() {
        SiteBinding b = SiteBinding.parse(SiteBinding.Protocol.HTTPS, "*:443:www.contoso.com", 1);
        ConfigSnapshot s = bound().apply(new PutSite(new Site("shop", 1, List.of(b), List.of()), Mode.ADD));
        assertThat(s.site("SHOP")).isNotNull();
        assertThat(s.nextSiteId()).isEqualTo(2);
        assertThatThrownBy(() -> s.apply(new PutSite(new Site("Shop", 1, List.of(), List.of()), Mode.ADD)))
                .isInstanceOf(ConfigException.Conflict.class).hasMessage("site already exists: Shop");
        assertThatThrownBy(() -> s.apply(new PutSite(new Site("blog", 1, List.of(), List.of()), Mode.ADD)))
                .hasMessage("site id 1 is already used by site shop");
        assertThatThrownBy(() -> s.apply(new PutSite(new Site("blog", 2, List.of(), List.of()), Mode.UPDATE)))
                .isInstanceOf(ConfigException.NotFound.class).hasMessage("site not found: blog");
    }
}
