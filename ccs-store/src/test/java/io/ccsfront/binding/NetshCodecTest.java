package io.ccsfront.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccsfront.binding.TlsOptions.TlsVersion;
import io.ccsfront.cert.Thumbprint;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code netsh http add sslcert} lines in, and the add/show forms out. */
class NetshCodecTest {

    static final String HASH = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    static final Thumbprint TP = Thumbprint.parse(HASH);
    static final String APPID = "{4dc3e181-e14b-4a21-b022-59fc669b0914}";

    @Test
    void parsesIpPortLineAsNetshPrintsIt() {
        SslBinding b = NetshCodec.parseAdd("netsh http add sslcert ipport=0.0.0.0:443 certhash=" + HASH + " appid=" + APPID);
        assertThat(b).isEqualTo(new IpPortBinding(IpPort.parse("0.0.0.0:443"), TP, "MY", APPID, TlsOptions.DEFAULT));
        assertThat(b.key()).hasToString("ipport=0.0.0.0:443");
    }

    @Test
    void parsesHostnamePortWithStoreAndOptions() {
        SslBinding b = NetshCodec.parseAdd("add sslcert hostnameport=WWW.Contoso.com:443 certhash=" + HASH
                + " appid=4DC3E181-E14B-4A21-B022-59FC669B0914 certstorename=webhosting mintlsversion=1.3"
                + " clientcertnegotiation=enable disablehttp2=enable");
        assertThat(b).isEqualTo(new HostnamePortBinding("www.contoso.com", 443, TP, "WebHosting", APPID,
                new TlsOptions(TlsVersion.TLS_1_3, true, false)));
    }

    @Test
    void parsesCcsLine() {
        assertThat(NetshCodec.parseAdd("netsh http add sslcert ccs=443 appid=" + APPID))
                .isEqualTo(new CcsBinding(443, APPID, TlsOptions.DEFAULT));
        assertThat(NetshCodec.parseAdd("ccs=8443")).isEqualTo(new CcsBinding(8443));
    }

    /** certutil prints "Cert Hash(sha1): a1b2c3d4 e5f60718 …"; the groups continue certhash whether in one word or several. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ipport=0.0.0.0:443 certhash=a1b2c3d4 e5f60718 293a4b5c 6d7e8f90 12345678 appid=" + APPID,
        "ipport=0.0.0.0:443 certhash=a1 b2 c3 d4 e5 f6 07 18 29 3a 4b 5c 6d 7e 8f 90 12 34 56 78",
        "certhash=A1B2C3D4 E5F60718 293A4B5C 6D7E8F90 12345678 ipport=0.0.0.0:443"})
    void certhashWithEmbeddedSpacesIsOneThumbprint(String line) {
        assertThat(NetshCodec.parseAdd(line).certHash()).isEqualTo(TP);
    }

    @Test
    void certhashGroupsSplitIntoSeveralWordsAreOneThumbprint() {
        List<String> words = List.of("ipport=0.0.0.0:443", "certhash=a1b2c3d4", "e5f60718", "293a4b5c", "6d7e8f90", "12345678");
        assertThat(NetshCodec.parseAdd(words).certHash()).isEqualTo(TP);
        assertThat(NetshCodec.keyValues(words)).containsEntry("certhash", "a1b2c3d4 e5f60718 293a4b5c 6d7e8f90 12345678");
    }

    @Test
    void parsesIpv6AndKeysInAnyCase() {
        SslBinding b = NetshCodec.parseAdd("IPPORT=[2001:db8::1]:443 CertHash=" + HASH);
        assertThat(b.key()).hasToString("ipport=[2001:db8::1]:443");
        assertThat(b.certStoreName()).isEqualTo("MY");
        assertThat(b.appId()).isNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "ipport=10.0.0.300:443 certhash=" + HASH + "                 | ipport is not a valid IP address: 10.0.0.300",
        "ipport=10.0.0.1:70000 certhash=" + HASH + "                 | ipport port out of range 1-65535: 70000",
        "hostnameport=www.contoso.com:70000 certhash=" + HASH + "    | hostnameport port out of range 1-65535: 70000",
        "ccs=70000                                                   | ccs port out of range 1-65535: 70000",
        "ccs=notaport                                                | ccs port is not a number: notaport",
        "ipport=0.0.0.0:443 certhash=a1b2c3d4 e5f60718 zz            | expected key=value, got: zz",
        "ipport=0.0.0.0:443 certhash=a1b2c3d4 e5f60718               | certhash must be 40 hex digits: a1b2c3d4 e5f60718",
        "ipport=0.0.0.0:443 appid=" + APPID + " a1b2c3d4             | expected key=value, got: a1b2c3d4",
        "ipport=0.0.0.0:443 certhash=12ab                            | certhash must be 40 hex digits: 12ab",
        "ipport=0.0.0.0:443 certhash=" + HASH + " appid=not-a-guid   | appid must be a GUID like {4dc3e181-e14b-4a21-b022-59fc669b0914}: not-a-guid",
        "ipport=0.0.0.0:443 certhash=" + HASH + " appid={4dc3e181-e14b-4a21-b022-59fc669b091} | appid must be a GUID like {4dc3e181-e14b-4a21-b022-59fc669b0914}: {4dc3e181-e14b-4a21-b022-59fc669b091}",
        "ccs=443 certhash=" + HASH + "                               | certhash is not allowed with ccs= (the certificate comes from the CCS): " + HASH,
        "ipport=0.0.0.0:443                                          | certhash is required for ipport= and hostnameport= bindings",
        "ipport=0.0.0.0:443 hostnameport=a.com:443 certhash=" + HASH + " | exactly one of ipport=, hostnameport= or ccs= is required, got: ipport, hostnameport",
        "certhash=" + HASH + "                                       | exactly one of ipport=, hostnameport= or ccs= is required, got: none",
        "hostnameport=*.contoso.com:443 certhash=" + HASH + "        | hostnameport takes an exact hostname, not a wildcard: *.contoso.com",
        "hostnameport=bad_name.com:443 certhash=" + HASH + "         | hostnameport is not a valid DNS hostname: bad_name.com",
        "ipport=0.0.0.0:443 certhash=" + HASH + " mintlsversion=1.1  | mintlsversion must be 1.2 or 1.3: 1.1",
        "ipport=0.0.0.0:443 certhash=" + HASH + " disablehttp2=maybe | disablehttp2 must be enable or disable: maybe",
        "ipport=0.0.0.0:443 certhash=" + HASH + " certhash=" + HASH + " | parameter given twice: certhash",
        "ipport=0.0.0.0:443 garbage                                  | expected key=value, got: garbage",
    })
    void refusesBadLinesNamingTheValue(String line, String message) {
        assertThatThrownBy(() -> NetshCodec.parseAdd(line)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void badStoreNameIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> NetshCodec.parseAdd("ipport=0.0.0.0:443 certstorename=My/Store certhash=" + HASH))
                .hasMessage("certstorename must be 1-64 letters, digits, '-' or '_': My/Store");
    }

    @Test
    void unknownKeyIsRefusedByName() {
        assertThatThrownBy(() -> NetshCodec.parseAdd("ipport=0.0.0.0:443 certhash=" + HASH + " sslctlstorename=CA"))
                .hasMessage("unknown sslcert parameter sslctlstorename (known: appid, ccs, certhash, certstorename, "
                        + "clientcertnegotiation, disablehttp2, hostnameport, ipport, mintlsversion): sslctlstorename=CA");
    }

    static Stream<SslBinding> bindings() {
        return Stream.of(
                new IpPortBinding(IpPort.parse("0.0.0.0:443"), TP),
                new IpPortBinding(IpPort.parse("[::]:443"), TP, "WebHosting", APPID, TlsOptions.DEFAULT.withHttp2(false)),
                new IpPortBinding(IpPort.parse("[2001:db8::5]:8443"), TP, "Custom_1", null,
                        new TlsOptions(TlsVersion.TLS_1_3, true, true)),
                new HostnamePortBinding("www.contoso.com", 443, TP, "WebHosting", APPID, TlsOptions.DEFAULT),
                new HostnamePortBinding("xn--bcher-kva.example", 443, TP),
                new CcsBinding(443, APPID, TlsOptions.DEFAULT.withClientCertificate(true)),
                new CcsBinding(9443));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bindings")
    void addCommandParsesBackToTheSameBinding(SslBinding b) {
        assertThat(NetshCodec.parseAdd(NetshCodec.toAddCommand(b))).isEqualTo(b);
    }

    @Test
    void addCommandIsTheNetshLine() {
        assertThat(NetshCodec.toAddCommand(new IpPortBinding(IpPort.parse("0.0.0.0:443"), TP, null, APPID, null)))
                .isEqualTo("netsh http add sslcert ipport=0.0.0.0:443 certhash=" + HASH.toUpperCase(java.util.Locale.ROOT)
                        + " appid=" + APPID + " certstorename=MY");
        assertThat(NetshCodec.toAddCommand(new CcsBinding(443))).isEqualTo("netsh http add sslcert ccs=443");
    }

    @Test
    void showUsesTheNetshLayout() {
        String shown = NetshCodec.show(List.of(new IpPortBinding(IpPort.parse("0.0.0.0:443"), TP, null, APPID, null),
                new HostnamePortBinding("www.contoso.com", 443, TP), new CcsBinding(443)));
        assertThat(shown).isEqualTo("""

                SSL Certificate bindings:
                -------------------------

                    IP:port                      : 0.0.0.0:443
                    Certificate Hash             : a1b2c3d4e5f60718293a4b5c6d7e8f9012345678
                    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}
                    Certificate Store Name       : MY
                    Minimum TLS Version          : 1.2
                    Negotiate Client Certificate : Disabled
                    Disable HTTP2                : Not Set

                    Hostname:port                : www.contoso.com:443
                    Certificate Hash             : a1b2c3d4e5f60718293a4b5c6d7e8f9012345678
                    Application ID               : (null)
                    Certificate Store Name       : MY
                    Minimum TLS Version          : 1.2
                    Negotiate Client Certificate : Disabled
                    Disable HTTP2                : Not Set

                    Central Certificate Store    : 443
                    Application ID               : (null)
                    Minimum TLS Version          : 1.2
                    Negotiate Client Certificate : Disabled
                    Disable HTTP2                : Not Set
                """);
    }

    @Test
    void bindingKeyParsesEachForm() {
        assertThat(BindingKey.parse("ipport=[::ffff:10.0.0.1]:443")).hasToString("ipport=10.0.0.1:443");
        assertThat(BindingKey.parse("HostnamePort=WWW.A.COM:443")).hasToString("hostnameport=www.a.com:443");
        assertThat(BindingKey.parse("ccs=443")).isEqualTo(BindingKey.ccs(443));
        assertThatThrownBy(() -> BindingKey.parse("443"))
                .hasMessage("binding must be ipport=IP:PORT, hostnameport=HOST:PORT or ccs=PORT: 443");
        assertThatThrownBy(() -> BindingKey.parse("hostnameport=a.com"))
                .hasMessage("hostnameport must be HOST:PORT: a.com");
    }
}
