package io.ccsfront.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** IP literals as netsh and appcmd write them; never resolved through DNS. */
class IpAddressesTest {

    @ParameterizedTest(name = "{2}: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "10.0.0.1                | 10.0.0.1         | IPv4",
        "0.0.0.0                 | 0.0.0.0          | IPv4 wildcard",
        "2001:db8::1             | [2001:db8::1]    | IPv6 without brackets",
        "[2001:db8::1]           | [2001:db8::1]    | IPv6 in brackets",
        "2001:DB8:0:0:0:0:0:1    | [2001:db8::1]    | IPv6 printed compressed and lower case",
        "[::]                    | [::]             | IPv6 wildcard",
        "::1                     | [::1]            | IPv6 loopback",
        "::ffff:10.0.0.1         | 10.0.0.1         | IPv4-mapped IPv6 counts as IPv4",
        "[::ffff:10.0.0.1]       | 10.0.0.1         | IPv4-mapped IPv6 in brackets",
        "' 10.0.0.1 '            | 10.0.0.1         | surrounding spaces",
    })
    void parsesAndFormatsLikeNetsh(String text, String formatted, String description) {
        assertThat(IpAddresses.format(IpAddresses.parse(text, "ipport"))).as(description).isEqualTo(formatted);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"10.0.0.256", "10.0.0", "10.0.0.1.5", "a.b.c.d", "", "10.0.0.-1", "1::2::3", "2001:db8::g",
        "www.contoso.com", "10.0.0.1234", "\u0661\u0660.0.0.1", "10.0.0.\u0661"})
    void badAddressesAreRefusedNamingTheValue(String text) {
        assertThatThrownBy(() -> IpAddresses.parse(text, "ipport")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ipport is not a valid IP address: " + text);
    }

    @Test
    void scopedIpv6IsRefused() {
        assertThatThrownBy(() -> IpAddresses.parse("fe80::1%eth0", "ipport"))
                .hasMessage("ipport: scoped IPv6 addresses are not supported: fe80::1%eth0");
    }

    @Test
    void wildcardsAreTheAnyAddresses() {
        assertThat(IpAddresses.parse("0.0.0.0", "ip")).isEqualTo(IpAddresses.IPV4_ANY);
        assertThat(IpAddresses.parse("::", "ip")).isEqualTo(IpAddresses.IPV6_ANY);
        assertThat(IpAddresses.isIpv6(IpAddresses.IPV6_ANY)).isTrue();
        assertThat(IpAddresses.isIpv6(IpAddresses.IPV4_ANY)).isFalse();
    }

    @Test
    void unmapTurnsAMappedInet6AddressIntoIpv4() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
        InetAddress v6 = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(v6).isInstanceOf(Inet6Address.class);
        assertThat(IpAddresses.unmap(v6)).isInstanceOf(Inet4Address.class).isEqualTo(IpAddresses.parse("10.0.0.1", "ip"));
        InetAddress plain = IpAddresses.parse("2001:db8::1", "ip");
        assertThat(IpAddresses.unmap(plain)).isSameAs(plain);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0:0:0:0:0:0:0:1         | ::1",
        "0:0:0:0:0:0:0:0         | ::",
        "1:0:0:0:0:0:0:0         | 1::",
        "2001:db8:0:0:1:0:0:1    | 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1    | 2001:db8:0:1:1:1:1:1",
        "2001:0:0:1:0:0:0:1      | 2001:0:0:1::1",
    })
    void compressesTheFirstLongestRunOfZeros(String full, String compressed) {
        assertThat(IpAddresses.compress(full)).isEqualTo(compressed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "10.0.0.1:443            | 10.0.0.1:443      | false | false",
        "[2001:db8::1]:443       | [2001:db8::1]:443 | false | false",
        "0.0.0.0:443             | 0.0.0.0:443       | true  | false",
        "[::]:8443               | [::]:8443         | false | true",
        "[::ffff:10.0.0.1]:443   | 10.0.0.1:443      | false | false",
    })
    void ipPortParsesNetshForm(String text, String printed, boolean ipv4Wildcard, boolean ipv6Wildcard) {
        IpPort p = IpPort.parse(text);
        assertThat(p).hasToString(printed);
        assertThat(p.isIpv4Wildcard()).isEqualTo(ipv4Wildcard);
        assertThat(p.isIpv6Wildcard()).isEqualTo(ipv6Wildcard);
        assertThat(p.isWildcard()).isEqualTo(ipv4Wildcard || ipv6Wildcard);
        assertThat(IpPort.parse(p.toString())).isEqualTo(p);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "10.0.0.1                | ipport must be IP:PORT or [IPv6]:PORT: 10.0.0.1",
        "2001:db8::1:443         | ipport must be IP:PORT or [IPv6]:PORT: 2001:db8::1:443",
        "[::1]443                | ipport must be IP:PORT or [IPv6]:PORT: [::1]443",
        "[::1                    | ipport must be IP:PORT or [IPv6]:PORT: [::1",
        "10.0.0.1:70000          | ipport port out of range 1-65535: 70000",
        "10.0.0.1:0              | ipport port out of range 1-65535: 0",
        "10.0.0.1:https          | ipport port is not a number: https",
        "10.0.0.1:\u0664\u0664\u0663 | ipport port is not a number: \u0664\u0664\u0663",
        "10.0.0.300:443          | ipport is not a valid IP address: 10.0.0.300",
    })
    void ipPortErrorsNameTheValue(String text, String message) {
        assertThatThrownBy(() -> IpPort.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void ipPortMapsIpv4MappedAddressesOnConstruction() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
        assertThat(new IpPort(Inet6Address.getByAddress(null, mapped, -1), 443)).isEqualTo(IpPort.parse("10.0.0.1:443"));
    }
}
