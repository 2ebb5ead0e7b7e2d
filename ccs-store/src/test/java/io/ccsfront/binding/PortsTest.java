package io.ccsfront.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A port typed by a person: a number 1-65535, and a message that says which rule the value broke. */
class PortsTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "443     | 443",
        "' 8443' | 8443",
        "1       | 1",
        "65535   | 65535",
        "+443    | 443"})
    void acceptsWholeNumbersInRange(String text, int port) {
        assertThat(Ports.parse(text, "ccs")).isEqualTo(port);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "notaport | ccs port is not a number: notaport",
        "https    | ccs port is not a number: https",
        "44 3     | ccs port is not a number: 44 3",
        "4e3      | ccs port is not a number: 4e3",
        "''       | ccs port is not a number: (empty)",
        "-        | ccs port is not a number: -",
        "0        | ccs port out of range 1-65535: 0",
        "65536    | ccs port out of range 1-65535: 65536",
        "-443     | ccs port out of range 1-65535: -443",
        "99999999999 | ccs port out of range 1-65535: 99999999999"})
    void refusesNamingTheRuleAndTheValue(String text, String message) {
        assertThatThrownBy(() -> Ports.parse(text, "ccs")).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
