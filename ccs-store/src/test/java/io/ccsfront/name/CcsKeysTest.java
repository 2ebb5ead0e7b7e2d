package io.ccsfront.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** CCS keys: exact hostnames, and {@code _.domain} for {@code *.domain} (the IIS file name form). */
class CcsKeysTest {

    @ParameterizedTest(name = "{2}: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "www.Contoso.com     | www.contoso.com       | exact key is normalised",
        "www.contoso.com.    | www.contoso.com       | trailing dot removed",
        "*.contoso.com       | _.contoso.com         | * wildcard is written with _.",
        "_.contoso.com       | _.contoso.com         | _. wildcard as the file provider names it",
        "*.Contoso.COM.      | _.contoso.com         | wildcard domain is normalised",
        "bücher.example      | xn--bcher-kva.example | IDN key becomes its A-label",
        "*.bücher.example    | _.xn--bcher-kva.example | IDN wildcard key",
    })
    void normalizes(String input, String expected, String description) {
        assertThat(CcsKeys.normalize(input)).as(description).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*.com", "_.com", "*."})
    void wildcardOverATopLevelDomainIsRefused(String key) {
        assertThatThrownBy(() -> CcsKeys.normalize(key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CCS wildcard key must be *.<domain> with a domain of two or more labels: " + key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"f*.contoso.com", "a.*.contoso.com", "www.contoso.*"})
    void wildcardOutsideTheLeftMostLabelIsRefused(String key) {
        assertThatThrownBy(() -> CcsKeys.normalize(key))
                .hasMessage("CCS wildcard must be the whole left-most label (*.contoso.com): " + key);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void keyIsRequired(String key) {
        assertThatThrownBy(() -> CcsKeys.normalize(key)).hasMessage("CCS hostname is required");
    }

    @Test
    void invalidHostnameIsNamed() {
        assertThatThrownBy(() -> CcsKeys.normalize("bad_name.com")).hasMessage("CCS hostname is not a valid DNS hostname: bad_name.com");
    }

    @Test
    void wildcardForIsTheParentOneLabelUp() {
        assertThat(CcsKeys.wildcardFor("a.contoso.com")).isEqualTo("_.contoso.com");
        assertThat(CcsKeys.wildcardFor("a.b.contoso.com")).isEqualTo("_.b.contoso.com");
        assertThat(CcsKeys.wildcardFor("contoso.com")).as("no wildcard over a top-level domain").isNull();
        assertThat(CcsKeys.wildcardFor("localhost")).isNull();
    }

    @Test
    void displayNameIsHowACertificateWouldStateTheKey() {
        assertThat(CcsKeys.displayName("_.contoso.com")).isEqualTo("*.contoso.com");
        assertThat(CcsKeys.displayName("www.contoso.com")).isEqualTo("www.contoso.com");
        assertThat(CcsKeys.isWildcard("_.contoso.com")).isTrue();
        assertThat(CcsKeys.isWildcard("www.contoso.com")).isFalse();
    }
}
