package io.ccsfront.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC.md §2: the SNI name and every configured hostname are normalised, or rejected. */
class HostNamesTest {

    static final String LABEL_63 = "a".repeat(63);

    @ParameterizedTest(name = "{2}: [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "www.contoso.com        | www.contoso.com       | lower-case ASCII is kept",
        "WWW.Contoso.COM        | www.contoso.com       | upper case is lowered",
        "www.contoso.com.       | www.contoso.com       | one trailing dot is removed",
        "WWW.CONTOSO.COM.       | www.contoso.com       | trailing dot and case together",
        "www.contoso.com..      | NULL                  | only one trailing dot is removed",
        "bücher.example         | xn--bcher-kva.example | IDN becomes its A-label",
        "BÜCHER.example         | xn--bcher-kva.example | IDN upper case is folded",
        "münchen.de.            | xn--mnchen-3ya.de     | IDN with a trailing dot",
        "例え.jp                 | xn--r8jz45g.jp        | IDN in another script",
        "xn--bcher-kva.example  | xn--bcher-kva.example | an A-label stays as it is",
        "localhost              | localhost             | one label is a name",
        "123.example            | 123.example           | digits are fine in other labels",
        "a-b.example            | a-b.example           | inner hyphen",
        "_dmarc.contoso.com     | NULL                  | underscores are not hostname characters",
        "a_b.contoso.com        | NULL                  | underscore inside a label",
        "not a host             | NULL                  | spaces",
        "a..b.example           | NULL                  | empty label",
        ".contoso.com           | NULL                  | leading dot",
        "-a.contoso.com         | NULL                  | label starting with a hyphen",
        "a-.contoso.com         | NULL                  | label ending with a hyphen",
        "*.contoso.com          | NULL                  | a wildcard is not a hostname",
        "10.0.0.1               | NULL                  | IPv4 literal (RFC 6066: no IP literals in SNI)",
        "10.0.0.1.              | NULL                  | IPv4 literal with trailing dot",
        "[::1]                  | NULL                  | bracketed IPv6 literal",
        "::1                    | NULL                  | IPv6 literal",
        "123                    | NULL                  | all-digit last label",
        "a.123                  | NULL                  | all-digit top-level label",
        "bü cher.example        | NULL                  | IDN with a space",
        ".                      | NULL                  | just a dot",
        "''                     | NULL                  | empty",
        "NULL                   | NULL                  | absent",
    })
    void normalizes(String input, String expected, String description) {
        assertThat(HostNames.normalize(input)).as(description).isEqualTo(expected);
    }

    @Test
    void labelOf63CharactersIsValidAnd64IsNot() {
        assertThat(HostNames.normalize(LABEL_63 + ".example")).isEqualTo(LABEL_63 + ".example");
        assertThat(HostNames.normalize(LABEL_63 + "a.example")).isNull();
    }

    @Test
    void nameOf253CharactersIsValidAnd254IsNot() {
        String n253 = String.join(".", LABEL_63, LABEL_63, LABEL_63, "a".repeat(61));
        assertThat(n253).hasSize(253);
        assertThat(HostNames.normalize(n253)).isEqualTo(n253);
        assertThat(HostNames.normalize(n253 + ".")).as("253 plus the trailing dot").isEqualTo(n253);
        assertThat(HostNames.normalize("b" + n253)).isNull();
    }

    @Test
    void idnLabelTooLongForDnsIsRejected() {
        assertThat(HostNames.normalize("ü".repeat(60) + ".example")).isNull();
    }

    @Test
    void alreadyNormalNameIsReturnedWithoutCopying() {
        String s = "www.contoso.com";
        assertThat(HostNames.normalize(s)).isSameAs(s);
    }

    @Test
    void requireNamesTheFieldAndTheValue() {
        assertThat(HostNames.require("WWW.A.COM", "host")).isEqualTo("www.a.com");
        assertThatThrownBy(() -> HostNames.require("bad_name.example", "hostnameport"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hostnameport is not a valid DNS hostname: bad_name.example");
    }

    @Test
    void parentDropsTheFirstLabel() {
        assertThat(HostNames.parent("a.b.contoso.com")).isEqualTo("b.contoso.com");
        assertThat(HostNames.parent("contoso.com")).isEqualTo("com");
        assertThat(HostNames.parent("localhost")).isNull();
    }
}
