package io.ccsfront.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/ccsctl as a real process (from this build's class path) against a running node: output, exit codes, environment. */
class CcsctlProcessTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    Run ccsctl(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path launcher = Path.of("..", "bin", "ccsctl").toAbsolutePath().normalize();
        List<String> cmd = new ArrayList<>(List.of("bash", launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        pb.environment().put("CCSCTL_CLASSPATH", cp);
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().remove("CCSCTL_TOKEN");
        pb.environment().remove("CCSCTL_TOKEN_FILE");
        pb.environment().remove("CCSCTL_SERVER");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(tmp.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("err"), StandardCharsets.UTF_8));
    }

    @Test
    void launcherRunsVerbsWithExitCodesAndEnvironment() throws Exception {
        try (CliNode n = CliNode.start(tmp.resolve("node"), Map.of())) {
            Map<String, String> env = Map.of("CCSCTL_SERVER", n.server(), "CCSCTL_TOKEN_FILE", n.tokenFile.toString());
            String tp = n.importCert("proc", "proc.example");
            Run add = ccsctl(env, "sslcert", "add", "ipport=0.0.0.0:" + n.httpsPort, "certhash=" + tp);
            assertThat(add.code()).as(add.err()).isZero();
            Run show = ccsctl(env, "sslcert", "show");
            assertThat(show.code()).as(show.err()).isZero();
            assertThat(show.out()).contains("IP:port                      : 0.0.0.0:" + n.httpsPort);
            assertThat(show.err()).isEmpty();
            Run doctor = ccsctl(env, "doctor");
            assertThat(doctor.code()).isZero();
            Run usage = ccsctl(env, "sslcert", "add", "ipport=1.2.3.4:443", "certhash=12ab");
            assertThat(usage.code()).isEqualTo(2);
            assertThat(usage.err().strip()).isEqualTo("ccsctl: certhash must be 40 hex digits: 12ab");
            Run noToken = ccsctl(Map.of("CCSCTL_SERVER", n.server()), "site", "add", "x");
            assertThat(noToken.code()).isEqualTo(1);
            assertThat(noToken.err()).contains("401");
        }
    }
}
