package io.ccsfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.cli.main.Ccsctl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What every verb shares: the token, the expected version, the upload limit, exit codes and one-line messages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CcsctlProtocolTest {

    @TempDir
    static Path tmp;
    CliNode n;

    @BeforeAll
    void start() {
        n = CliNode.start(tmp, Map.of("admin.maxUploadBytes", "2048"));
    }

    @AfterAll
    void stop() {
        n.close();
    }

    String[] addSite(String name) {
        return new String[] {"site", "add", name, "--binding", "https/*:" + n.httpsPort + ":" + name + ".example", "--sni"};
    }

    @Test
    void withoutATokenNothingChanges() {
        long before = n.version();
        String[] args = new String[] {"--server", n.server(), "site", "add", "notoken"};
        CliNode.Result r = CliNode.runRaw(args);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("401 unauthorized").contains("no token").hasLineCount(1);
        assertThat(n.version()).isEqualTo(before);
    }

    @Test
    void aWrongTokenIsRefusedAndNothingChanges() throws Exception {
        Path wrong = tmp.resolve("wrong.token");
        Files.writeString(wrong, "not-the-token-0000000000\n");
        long before = n.version();
        CliNode.Result r = CliNode.runRaw("--server", n.server(), "--token-file", wrong.toString(), "site", "add", "wrongtoken");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("401 unauthorized").contains("refused");
        assertThat(n.version()).isEqualTo(before);
    }

    @Test
    void theEnvironmentGivesServerAndToken() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Ccsctl.run(new String[] {"site", "list"}, Map.of("CCSCTL_SERVER", n.server(), "CCSCTL_TOKEN", CliNode.TOKEN),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        int viaFile = Ccsctl.run(new String[] {"site", "list"}, Map.of("CCSCTL_SERVER", n.server(), "CCSCTL_TOKEN_FILE", n.tokenFile.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(viaFile).isZero();
    }

    @Test
    void aStaleExpectedVersionIsRefusedWith412AndNothingChanges() {
        long before = n.version();
        String[] stale = concat(addSite("stale"), new String[] {"--expected-version", String.valueOf(before + 5)});
        CliNode.Result r = n.run(stale);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("412 stale_version").contains("nothing was changed");
        assertThat(n.version()).isEqualTo(before);
        CliNode.Result current = n.run(concat(addSite("current"), new String[] {"--if-match", String.valueOf(before)}));
        assertThat(current.code()).as(current.toString()).isZero();
        assertThat(n.version()).isEqualTo(before + 1);
    }

    @Test
    void anUploadLargerThanTheLimitIsRefusedWith413() throws Exception {
        Path big = tmp.resolve("big.pfx");
        Files.write(big, new byte[64 * 1024]);
        long before = n.version();
        CliNode.Result r = n.run("cert", "import", big.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("413 payload_too_large");
        assertThat(n.version()).isEqualTo(before);
    }

    @Test
    void usageErrorsExitWith2() {
        CliNode.Result unknown = n.run("cert", "list", "--colour");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--colour").contains("Try 'ccsctl cert list --help'");
        assertThat(n.run("cert").code()).isEqualTo(2);
        assertThat(CliNode.runRaw().code()).isEqualTo(2);
        CliNode.Result badServer = CliNode.runRaw("--server", "ftp://x", "site", "list");
        assertThat(badServer.code()).isEqualTo(2);
        assertThat(badServer.err()).contains("ftp://x");
    }

    @Test
    void anUnreachableServerIsOneLineAndAStackTraceOnlyWithVerbose() {
        String down = "http://127.0.0.1:" + CliNode.freePort();
        CliNode.Result r = CliNode.runRaw("--server", down, "site", "list");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("ccsctl: cannot reach the admin API at " + down).hasLineCount(1);
        CliNode.Result verbose = CliNode.runRaw("--server", down, "--verbose", "site", "list");
        assertThat(verbose.err()).contains("\tat ");
    }

    @Test
    void helpListsTheVerbsAndExitCodes() {
        CliNode.Result help = CliNode.runRaw("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("cert").contains("sslcert").contains("ccs").contains("site").contains("explain")
                .contains("doctor").contains("rotate").contains("cluster").contains("3 doctor found an ERROR");
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
