package io.ccsfront.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccsfront.binding.SiteBinding.Protocol;
import io.ccsfront.site.Site;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A site: name, id, bindings (no duplicates), web workers (normalised, no duplicates). */
class SiteTest {

    static final SiteBinding SHOP_443 = SiteBinding.parse(Protocol.HTTPS, "*:443:shop.example", 1);
    static final SiteBinding SHOP_80 = SiteBinding.parse(Protocol.HTTP, "*:80:shop.example", 0);

    @Test
    void workersAreNormalisedAndBindingsCopied() {
        List<SiteBinding> bindings = new ArrayList<>(List.of(SHOP_443, SHOP_80));
        Site s = new Site(" shop ", 7, bindings, List.of(URI.create("HTTP://Worker1.Example:8080/"), URI.create("http://w2:8080/app")));
        bindings.clear();
        assertThat(s.name()).isEqualTo("shop");
        assertThat(s.bindings()).containsExactly(SHOP_443, SHOP_80);
        assertThat(s.workers()).containsExactly(URI.create("http://worker1.example:8080"), URI.create("http://w2:8080/app"));
        assertThat(Site.key("Shop")).isEqualTo("shop");
    }

    @Test
    void idMustBePositive() {
        assertThatThrownBy(() -> new Site("shop", 0, List.of(), List.of())).hasMessage("site id must be positive: 0");
    }

    @Test
    void duplicateBindingIsRefused() {
        assertThatThrownBy(() -> new Site("shop", 1, List.of(SHOP_443, SHOP_443), List.of()))
                .hasMessage("duplicate binding on site shop: https/*:443:shop.example sslFlags=1");
    }

    @Test
    void sameBindingWithOtherSslFlagsIsStillADuplicate() {
        SiteBinding ccs = SiteBinding.parse(Protocol.HTTPS, "*:443:shop.example", 3);
        assertThatThrownBy(() -> new Site("shop", 1, List.of(SHOP_443, ccs), List.of()))
                .hasMessage("duplicate binding on site shop: https/*:443:shop.example sslFlags=3");
    }

    @Test
    void duplicateWorkerIsRefusedAfterNormalising() {
        assertThatThrownBy(() -> new Site("shop", 1, List.of(), List.of(URI.create("http://w:8080"), URI.create("HTTP://W:8080/"))))
                .hasMessage("duplicate worker on site shop: http://w:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://w", "http://w/?a=1", "http://w/#frag", "http://u:p@w", "w:8080", "/relative"})
    void workerMustBeAPlainHttpUrl(String url) {
        assertThatThrownBy(() -> Site.parseWorker(url))
                .hasMessage("worker must be an http(s)://host[:port][/path] URL: " + url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://w:0", "http://w:70000"})
    void workerPortMustBeInRange(String url) {
        assertThatThrownBy(() -> Site.parseWorker(url)).hasMessage("worker port out of range 1-65535: " + url);
    }

    @Test
    void unparseableWorkerIsNamed() {
        assertThatThrownBy(() -> Site.parseWorker("http://bad host")).hasMessage("worker must be an http(s)://host[:port][/path] URL: http://bad host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "a/b", "tab\there"})
    void nameMustBePrintableWithoutSlash(String name) {
        assertThatThrownBy(() -> new Site(name, 1, List.of(), List.of()))
                .hasMessage("site name must be 1-128 printable characters without '/': " + name);
    }

    @Test
    void nameOf128IsFineAnd129IsNot() {
        assertThat(new Site("s".repeat(128), 1, List.of(), List.of()).name()).hasSize(128);
        assertThatThrownBy(() -> new Site("s".repeat(129), 1, List.of(), List.of())).hasMessageStartingWith("site name must be");
    }

    @Test
    void withersValidateAgain() {
        Site s = new Site("shop", 1, List.of(SHOP_443), List.of());
        assertThat(s.withBindings(List.of(SHOP_80)).bindings()).containsExactly(SHOP_80);
        assertThat(s.withWorkers(List.of(URI.create("https://w/"))).workers()).containsExactly(URI.create("https://w"));
        assertThatThrownBy(() -> s.withBindings(List.of(SHOP_80, SHOP_80))).hasMessageStartingWith("duplicate binding");
    }
}
