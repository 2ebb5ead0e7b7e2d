package io.ccsfront.demo;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.HostnamePortBinding;
import io.ccsfront.binding.IpAddresses;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.binding.NetshCodec;
import io.ccsfront.binding.SslBinding;
import io.ccsfront.cert.KeyProtector;
import io.ccsfront.cert.SelfSignedCertificates;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigChange.Mode;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.selection.Selector;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Prints {@code explain} for a few handshakes over a sample configuration: a self-signed
 * "Default" certificate on the wildcard bindings, an SNI binding and a CCS with an exact and a
 * wildcard entry. Run: {@code mvn -q -pl ccs-store exec:java}.
 */
public final class ExplainDemo {

    private ExplainDemo() {
    }

    public static void main(String[] args) {
        KeyProtector protector = KeyProtector.of(KeyProtector.newMasterKey());
        Clock clock = Clock.systemUTC();
        StoredCertificate def = SelfSignedCertificates.create("Default", List.of(), Duration.ofDays(365), clock).stored(protector);
        StoredCertificate shop = SelfSignedCertificates.create("shop.example", List.of("shop.example"), Duration.ofDays(90), clock).stored(protector);
        StoredCertificate www = SelfSignedCertificates.create("www.contoso.com", List.of("www.contoso.com"), Duration.ofDays(90), clock).stored(protector);
        StoredCertificate wild = SelfSignedCertificates.create("*.contoso.com", List.of("*.contoso.com"), Duration.ofDays(90), clock).stored(protector);
        List<SslBinding> bindings = List.of(new IpPortBinding(IpPort.parse("0.0.0.0:443"), def.thumbprint()),
                new IpPortBinding(IpPort.parse("[::]:443"), def.thumbprint()),
                new HostnamePortBinding("shop.example", 443, shop.thumbprint()), new CcsBinding(443));
        ConfigSnapshot s = ConfigSnapshot.empty()
                .apply(new ConfigChange.Batch(List.of(new ConfigChange.PutCertificate("MY", def), new ConfigChange.PutCertificate("MY", shop),
                        new ConfigChange.PutBinding(bindings.get(0), Mode.ADD), new ConfigChange.PutBinding(bindings.get(1), Mode.ADD),
                        new ConfigChange.PutBinding(bindings.get(2), Mode.ADD), new ConfigChange.PutBinding(bindings.get(3), Mode.ADD),
                        new ConfigChange.PutCcs("www.contoso.com", www), new ConfigChange.PutCcs("*.contoso.com", wild))));
        System.out.println(NetshCodec.show(s.bindings()));
        System.out.println("CCS: " + s.ccsKeys() + "\n");
        Selector selector = Selector.strict();
        String[][] probes = {{"127.0.0.1", "shop.example"}, {"127.0.0.1", "www.contoso.com"}, {"127.0.0.1", "blog.contoso.com"},
            {"::1", "a.b.contoso.com"}, {"127.0.0.1", null}};
        for (String[] p : probes) {
            System.out.println("explain --ip " + p[0] + " --port 443" + (p[1] != null ? " --sni " + p[1] : ""));
            System.out.println(selector.explain(s, IpAddresses.parse(p[0], "ip"), 443, p[1], null).describe());
        }
    }
}
