package io.ccsfront.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccsfront.binding.SiteBinding.Protocol;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code appcmd set site /+bindings.[…]} and the short {@code https/*:443:host} form. */
class AppcmdCodecTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("/+bindings.[protocol='https',bindingInformation='*:443:www.contoso.com',sslFlags='1']", 0,
                        "https/*:443:www.contoso.com", 1),
                Arguments.of("[protocol='http',bindingInformation='*:80:']", 0, "http/*:80:", 0),
                Arguments.of("/-bindings.[protocol='https',bindingInformation='10.0.0.1:443:']", 0, "https/10.0.0.1:443:", 0),
                Arguments.of("[protocol='https', bindingInformation='*:443:WWW.Contoso.com', sslFlags='3']", 0,
                        "https/*:443:www.contoso.com", 3),
                Arguments.of("[PROTOCOL='HTTPS',BindingInformation='*:443:a.example']", 1, "https/*:443:a.example", 1),
                Arguments.of("https/*:443:www.contoso.com", 3, "https/*:443:www.contoso.com", 3),
                Arguments.of("https/[2001:db8::1]:443:", 0, "https/[2001:db8::1]:443:", 0),
                Arguments.of("  http/*:8080:shop.example  ", 0, "http/*:8080:shop.example", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void parsesLongAndShortForms(String text, int defaultFlags, String shortForm, int flags) {
        SiteBinding b = AppcmdCodec.parse(text, defaultFlags);
        assertThat(AppcmdCodec.toShortForm(b)).isEqualTo(shortForm);
        assertThat(b.sslFlags()).isEqualTo(flags);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void longFormRoundTrips(String text, int defaultFlags, String shortForm, int flags) {
        SiteBinding b = AppcmdCodec.parse(text, defaultFlags);
        assertThat(AppcmdCodec.parse(AppcmdCodec.toLongForm(b), 0)).isEqualTo(b);
        assertThat(AppcmdCodec.parse(AppcmdCodec.toShortForm(b), b.sslFlags())).isEqualTo(b);
    }

    @Test
    void longFormIsWhatAppcmdTakes() {
        SiteBinding b = new SiteBinding(Protocol.HTTPS, null, 443, "www.contoso.com", 1);
        assertThat(AppcmdCodec.toLongForm(b))
                .isEqualTo("/+bindings.[protocol='https',bindingInformation='*:443:www.contoso.com',sslFlags='1']");
        assertThat(AppcmdCodec.toShortForm(b)).isEqualTo("https/*:443:www.contoso.com");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("https:*:443:a.com", "binding must be protocol/<ip or *>:<port>:<host> or "
                        + "[protocol='…',bindingInformation='…',sslFlags='…']: https:*:443:a.com"),
                Arguments.of("[protocol=https,bindingInformation='*:443:']",
                        "binding attribute protocol must be quoted with ': [protocol=https,bindingInformation='*:443:']"),
                Arguments.of("[protocol='https',bindingInformation='*:443:]",
                        "unterminated quote in binding: [protocol='https',bindingInformation='*:443:]"),
                Arguments.of("[protocol='https',bindingInformation='*:443:',port='443']",
                        "unknown binding attribute port (known: protocol, bindingInformation, sslFlags): "
                                + "[protocol='https',bindingInformation='*:443:',port='443']"),
                Arguments.of("[protocol='https']", "binding needs protocol and bindingInformation: [protocol='https']"),
                Arguments.of("[protocol='https',bindingInformation]",
                        "binding attribute without value: [protocol='https',bindingInformation]"),
                Arguments.of("[protocol='https',bindingInformation='*:443:a.com',sslFlags='x']",
                        "sslFlags must be 0-3 (1 = SNI, 2 = CCS): x"),
                Arguments.of("[protocol='https',bindingInformation='*:443:a.com',sslFlags='4']",
                        "sslFlags must be 0-3 (1 = SNI, 2 = CCS): 4"),
                Arguments.of("[protocol='https',bindingInformation='*:443:a.com',sslFlags='\u0663']",
                        "sslFlags must be 0-3 (1 = SNI, 2 = CCS): \u0663"),
                Arguments.of("ftp/*:21:", "protocol must be http or https: ftp"),
                Arguments.of("https/*:443", "bindingInformation must be <ip or *>:<port>:<host>: *:443"),
                Arguments.of("https/*:70000:a.com", "bindingInformation port out of range 1-65535: 70000"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refused")
    void refusesBadBindingsNamingTheValue(String text, String message) {
        assertThatThrownBy(() -> AppcmdCodec.parse(text, 0)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
