package io.ccsfront.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccsfront.cert.Thumbprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code certhash=}: the thumbprint as people paste it from certutil, PowerShell or the certificate dialog. */
class ThumbprintParseTest {

    static final String HEX = "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678";

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678",
        "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
        "a1 b2 c3 d4 e5 f6 07 18 29 3a 4b 5c 6d 7e 8f 90 12 34 56 78",
        "A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90:12:34:56:78",
        "\u200ea1 b2 c3 d4 e5 f6 07 18 29 3a 4b 5c 6d 7e 8f 90 12 34 56 78",
        "\u200fA1B2C3D4E5F60718293A4B5C6D7E8F9012345678\u200e",
        "\ufeffA1B2C3D4E5F60718293A4B5C6D7E8F9012345678",
        "A1B2C3D4E5\tF60718293A4B5C6D7E8F9012345678",
        "  A1B2C3D4E5F60718293A4B5C6D7E8F9012345678  ",
    })
    void acceptsWhatPeoplePaste(String text) {
        assertThat(Thumbprint.parse(text).hex()).isEqualTo(HEX);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"12ab", "A1B2C3D4E5F60718293A4B5C6D7E8F901234567", "A1B2C3D4E5F60718293A4B5C6D7E8F90123456789",
        "G1B2C3D4E5F60718293A4B5C6D7E8F9012345678", "0xA1B2C3D4E5F60718293A4B5C6D7E8F90123456", ""})
    void wrongLengthOrNonHexIsRefusedNamingTheValue(String text) {
        assertThatThrownBy(() -> Thumbprint.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("certhash must be 40 hex digits: " + text);
    }

    @Test
    void absentThumbprintIsNamed() {
        assertThatThrownBy(() -> Thumbprint.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("certhash");
    }

    @Test
    void canonicalFormIsUpperCaseOnly() {
        assertThatThrownBy(() -> new Thumbprint(HEX.toLowerCase(java.util.Locale.ROOT)))
                .hasMessage("certhash must be 40 hex digits: " + HEX.toLowerCase(java.util.Locale.ROOT));
        assertThat(new Thumbprint(HEX)).isEqualTo(Thumbprint.parse(HEX.toLowerCase(java.util.Locale.ROOT)));
    }

    @Test
    void printsUpperCaseAndCertutilSpacing() {
        Thumbprint t = Thumbprint.parse(HEX.toLowerCase(java.util.Locale.ROOT));
        assertThat(t).hasToString(HEX);
        assertThat(t.spaced()).isEqualTo("A1 B2 C3 D4 E5 F6 07 18 29 3A 4B 5C 6D 7E 8F 90 12 34 56 78");
    }

    @Test
    void thumbprintIsSha1OverTheDerAndSha256IsShownBesideIt() {
        assertThat(Thumbprint.of(new byte[0]).hex()).isEqualTo("DA39A3EE5E6B4B0D3255BFEF95601890AFD80709");
        assertThat(Thumbprint.sha256(new byte[0])).isEqualTo("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855");
    }

    @Test
    void ordersByHex() {
        assertThat(Thumbprint.parse("0".repeat(40))).isLessThan(Thumbprint.parse("F".repeat(40)));
    }
}
