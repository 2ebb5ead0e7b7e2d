package io.ccsfront.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccsfront.binding.SiteBinding.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IIS site bindings: {@code <ip or *>:<port>:<host header>} plus sslFlags. */
class SiteBindingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "*:443:www.contoso.com       | *:443:www.contoso.com       | false | www.contoso.com",
        "*:443:WWW.Contoso.COM.      | *:443:www.contoso.com       | false | www.contoso.com",
        "*:443:                      | *:443:                      | false | ''",
        ":443:                       | *:443:                      | false | ''",
        "10.0.0.1:443:               | 10.0.0.1:443:               | true  | ''",
        "[2001:db8::1]:443:a.example | [2001:db8::1]:443:a.example | true  | a.example",
        "[::ffff:10.0.0.1]:443:      | 10.0.0.1:443:               | true  | ''",
        "*:443:bücher.example        | *:443:xn--bcher-kva.example | false | xn--bcher-kva.example",
    })
    void parsesBindingInformation(String text, String canonical, boolean hasAddress, String host) {
        SiteBinding b = SiteBinding.parse(Protocol.HTTPS, text, 0);
        assertThat(b.bindingInformation()).isEqualTo(canonical);
        assertThat(b.address() != null).isEqualTo(hasAddress);
        assertThat(b.host()).isEqualTo(host);
        assertThat(SiteBinding.parse(Protocol.HTTPS, b.bindingInformation(), 0)).isEqualTo(b);
    }

    @Test
    void sslFlagsAreSniAndCcsBits() {
        SiteBinding sni = SiteBinding.parse(Protocol.HTTPS, "*:443:a.example", 1);
        SiteBinding both = SiteBinding.parse(Protocol.HTTPS, "*:443:a.example", 3);
        SiteBinding plain = SiteBinding.parse(Protocol.HTTP, "*:80:a.example", 0);
        assertThat(sni.sni()).isTrue();
        assertThat(sni.ccs()).isFalse();
        assertThat(both.sni()).isTrue();
        assertThat(both.ccs()).isTrue();
        assertThat(plain.isHttps()).isFalse();
        assertThat(sni).hasToString("https/*:443:a.example sslFlags=1");
        assertThat(plain).hasToString("http/*:80:a.example");
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
        "HTTPS | *:443                 | 0 | bindingInformation must be <ip or *>:<port>:<host>: *:443",
        "HTTPS | *                     | 0 | bindingInformation must be <ip or *>:<port>:<host>: *",
        "HTTPS | [2001:db8::1]443:     | 0 | bindingInformation must be <ip or *>:<port>:<host>: [2001:db8::1]443:",
        "HTTPS | *:0:a.example         | 0 | bindingInformation port out of range 1-65535: 0",
        "HTTPS | *:70000:a.example     | 0 | bindingInformation port out of range 1-65535: 70000",
        "HTTPS | *:notaport:a.example  | 0 | bindingInformation port is not a number: notaport",
        "HTTPS | *:443:*.contoso.com   | 0 | bindingInformation host header must be an exact hostname: *.contoso.com",
        "HTTPS | *:443:bad_name.com    | 0 | bindingInformation host header is not a valid DNS hostname: bad_name.com",
        "HTTPS | 10.0.0.256:443:       | 0 | bindingInformation address is not a valid IP address: 10.0.0.256",
        "HTTPS | *:443:                | 1 | an SNI binding (sslFlags 1) needs a host header: *:443:",
        "HTTP  | *:80:a.example        | 1 | sslFlags apply to https bindings only: 1",
        "HTTPS | *:443:a.example       | 4 | sslFlags must be 0-3 (1 = SNI, 2 = CCS): 4",
        "HTTPS | *:443:a.example       | -1 | sslFlags must be 0-3 (1 = SNI, 2 = CCS): -1",
    })
    void refusesBadBindingsNamingTheValue(Protocol protocol, String text, int flags, String message) {
        assertThatThrownBy(() -> SiteBinding.parse(protocol, text, flags)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void protocolIsHttpOrHttps() {
        assertThat(Protocol.parse(" HTTPS ")).isEqualTo(Protocol.HTTPS);
        assertThatThrownBy(() -> Protocol.parse("ftp")).hasMessage("protocol must be http or https: ftp");
    }
}
