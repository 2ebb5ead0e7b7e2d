package io.ccsfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.cli.rotate.HandshakeProbe;
import io.ccsfront.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ccsctl rotate: the dry run lists what OLD is bound to and the warnings; a real run with warnings
 * is refused without --force; a clean run commits one change and proves it with real handshakes
 * on every binding kind (specific IP, IPv4 and IPv6 wildcard, SNI, CCS wildcard). Also cluster status.
 */
class CcsctlRotateTest {

    @TempDir
    Path tmp;

    static String served(String host, int port, String sni) {
        return HandshakeProbe.handshake(host, port, sni, Duration.ofSeconds(5)).toString();
    }

    @Test
    void rotationIsOneChangeProvenByHandshakesAndRefusedWithWarningsUnlessForced() {
        try (CliNode n = CliNode.start(tmp, Map.of())) {
            int p = n.httpsPort;
            String old = n.importCert("old", "*.rot.example", "rot.example");
            String good = n.importCert("good", "*.rot.example", "rot.example");
            String narrow = n.importCert("narrow", "a.rot.example");
            Path oldPfx = n.dir.resolve("old.pfx");
            for (String[] cmd : new String[][] {
                {"sslcert", "add", "ipport=0.0.0.0:" + p, "certhash=" + old},
                {"sslcert", "add", "ipport=[::]:" + p, "certhash=" + old},
                {"sslcert", "add", "ipport=127.0.0.2:" + p, "certhash=" + old},
                {"sslcert", "add", "hostnameport=a.rot.example:" + p, "certhash=" + old},
                {"sslcert", "add", "ccs=" + p},
                {"ccs", "put", "*.rot.example", oldPfx.toString(), "--password-file", n.passwordFile("old").toString()},
                {"site", "add", "blog", "--binding", "https/*:" + p + ":b.rot.example", "--sni", "--ccs"}}) {
                CliNode.Result r = n.run(cmd);
                assertThat(r.code()).as(String.join(" ", cmd) + "\n" + r).isZero();
            }
            assertThat(served("127.0.0.1", p, "b.rot.example")).isEqualTo(old);

            CliNode.Result dry = n.run("rotate", "--from", old, "--to", narrow, "--dry-run");
            assertThat(dry.code()).as(dry.toString()).isZero();
            assertThat(dry.out()).contains("SSL binding  ipport=0.0.0.0:" + p).contains("SSL binding  hostnameport=a.rot.example:" + p)
                    .contains("CCS entry    _.rot.example").contains("site         blog https/*:" + p + ":b.rot.example")
                    .contains("warning NAME_NOT_COVERED: site blog (https/*:" + p + ":b.rot.example)");

            long before = n.version();
            CliNode.Result refused = n.run("rotate", "--from", old, "--to", narrow);
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("warning NAME_NOT_COVERED").contains("--force");
            assertThat(n.version()).isEqualTo(before);
            assertThat(served("127.0.0.1", p, null)).isEqualTo(old);

            CliNode.Result rotated = n.run("rotate", "--from", old, "--to", good, "--wait", "20");
            assertThat(rotated.code()).as(rotated.toString()).isZero();
            assertThat(n.version()).isEqualTo(before + 1);
            assertThat(rotated.out()).contains("in configuration version " + (before + 1))
                    .contains("ipport=127.0.0.2:" + p + " via 127.0.0.2:" + p + " (no SNI)  serves NEW " + good)
                    .contains("ipport=[::]:" + p + " via [::1]:" + p + " (no SNI)  serves NEW")
                    .contains("hostnameport=a.rot.example:" + p + " via 127.0.0.1:" + p + " (SNI a.rot.example)  serves NEW")
                    .contains("CCS _.rot.example on ccs=" + p + " via 127.0.0.1:" + p + " (SNI ccsctl-probe.rot.example)  serves NEW")
                    .contains("all 5 handshake(s) on 1 node(s) serve " + good);
            assertThat(served("127.0.0.1", p, null)).isEqualTo(good);
            assertThat(served("127.0.0.1", p, "b.rot.example")).isEqualTo(good);
            assertThat(served("127.0.0.2", p, null)).isEqualTo(good);

            CliNode.Result again = n.run("rotate", "--from", old, "--to", good);
            assertThat(again.code()).isEqualTo(1);
            assertThat(again.err()).contains("404 not_found").contains("no SSL binding or CCS entry holds certificate " + old);
        }
    }

    @Test
    void anExpiredReplacementIsAWarningThatForceOverrides() {
        try (CliNode n = CliNode.start(tmp, Map.of())) {
            String old = n.importCert("cur", "x.example");
            var expired = TestPki.get().leaf(TestPki.LeafSpec.names("x.example")
                    .validity(Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1))));
            Path pfx = n.pfx(expired, "exp", "e");
            String neu = n.run("cert", "import", pfx.toString(), "--password-file", n.passwordFile("exp").toString()).out().strip();
            assertThat(n.run("sslcert", "add", "hostnameport=x.example:" + n.httpsPort, "certhash=" + old).code()).isZero();
            CliNode.Result dry = n.run("rotate", "--from", old, "--to", neu, "--dry-run", "--json");
            assertThat(dry.out()).contains("NEW_EXPIRED");
            assertThat(n.run("rotate", "--from", old, "--to", neu).code()).isEqualTo(1);
            CliNode.Result forced = n.run("rotate", "--from", old, "--to", neu, "--force", "--json");
            assertThat(forced.code()).as(forced.toString()).isZero();
            assertThat(forced.out()).contains("\"proven\" : true");
        }
    }

    @Test
    void clusterStatusShowsVersionCacheAndAHandshakePerMember() {
        try (CliNode n = CliNode.start(tmp, Map.of())) {
            CliNode.Result noCert = n.run("cluster", "status");
            assertThat(noCert.code()).isEqualTo(1);
            assertThat(noCert.out()).contains("node-a").contains("failed 127.0.0.1:" + n.httpsPort);
            String tp = n.importCert("wild", "default.example");
            assertThat(n.run("sslcert", "add", "ipport=0.0.0.0:" + n.httpsPort, "certhash=" + tp).code()).isZero();
            CliNode.Result r = n.run("cluster", "status");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("MEMBER").contains("node-a  *  " + n.version()).contains("hit rate")
                    .contains("ok ").contains(" ms 127.0.0.1:" + n.httpsPort);
            assertThat(n.run("cluster", "status", "--json").out()).contains("\"ok\" : true").contains("\"configVersion\" : " + n.version());
        }
    }
}
