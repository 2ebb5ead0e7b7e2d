package io.ccsfront.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.node.config.NodeConfig;
import io.ccsfront.node.config.Option;
import io.ccsfront.node.testing.FreePorts;
import io.ccsfront.node.testing.TestNodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The node's command line: {@code bin/ccsfront}'s help texts render once, without picocli
 * warnings (a {@code %} in an option's description once broke the table), and {@code
 * --print-config} refuses exactly the values the start refuses, with the same message.
 */
class MainTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    /** {@code bin/ccsfront ARGS…} as a real process, with its JVM flags, from this build's class path. */
    Run ccsfront(String... args) throws Exception {
        Path launcher = Path.of("..", "bin", "ccsfront").toAbsolutePath().normalize();
        List<String> cmd = new ArrayList<>(List.of("bash", launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile())
                .redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
        pb.environment().put("CCSFRONT_CLASSPATH", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().remove("JAVA_OPTS");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("ccsfront finished").isTrue();
        return new Run(p.exitValue(), Files.readString(tmp.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("err"), StandardCharsets.UTF_8));
    }

    /** stderr without the JVM's own notice about the incubator module bin/ccsfront enables. */
    static String withoutJvmNotice(String err) {
        return err.lines().filter(l -> !l.startsWith("WARNING: Using incubator modules")).reduce("", (a, b) -> a + b + "\n");
    }

    @ParameterizedTest(name = "ccsfront {0}")
    @ValueSource(strings = {"--help", "-h", "--no-such-option"})
    void everyHelpTextListsEachOptionOnceWithoutWarnings(String arg) throws Exception {
        Run r = ccsfront(arg);
        boolean error = arg.equals("--no-such-option");
        assertThat(r.code()).as(r.toString()).isEqualTo(error ? 2 : 0);
        String usage = error ? withoutJvmNotice(r.err()) : r.out();
        String rest = error ? r.out() : withoutJvmNotice(r.err());
        assertThat(usage).doesNotContain("[picocli").doesNotContain("Could not format").contains("Usage: frontend-node");
        assertThat(rest).as("nothing else printed").isEmpty();
        for (Option o : Option.ALL) {
            assertThat(Pattern.compile("^  " + Pattern.quote(o.path()) + " ", Pattern.MULTILINE).matcher(usage).results().count())
                    .as(o.path()).isEqualTo(1);
            assertThat(usage).contains(o.envName());
        }
        assertThat(usage.replaceAll("\\s+", " ")).contains("(about 30 % less CPU per RSA-2048 handshake here;");
        assertThat(Pattern.compile("^Usage: ", Pattern.MULTILINE).matcher(usage).results().count()).isEqualTo(1);
        if (error) {
            assertThat(usage).startsWith("Unknown option: '--no-such-option'");
        }
    }

    @Test
    void versionIsPrintedWithoutWarnings() throws Exception {
        Run r = ccsfront("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).isEqualTo("ccsfront 0.1");
        assertThat(withoutJvmNotice(r.err())).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "shutdown.drainTimeout | 5x               | shutdown.drainTimeout must be a duration like 500ms, 10s, 5m or 1h: 5x",
        "tls.handshakeTimeout  | ten              | tls.handshakeTimeout must be a duration like 500ms, 10s, 5m or 1h: ten",
        "tls.engine            | netty            | tls.engine must be openssl or jdk: netty",
        "tls.cacheSize         | 0                | tls.cacheSize out of range 1-10000000: 0",
        "tls.sessionTickets    | maybe            | tls.sessionTickets must be true or false: maybe",
        "listeners.https       | 0.0.0.0:notaport | listeners.https port is not a number: notaport"})
    void printConfigRefusesWhatTheStartRefuses(String option, String value, String message) {
        Map<String, String> safe = Map.of("listeners.https", "127.0.0.1:" + FreePorts.next());
        Map<String, String> bad = new java.util.HashMap<>(safe);
        bad.put(option, value);
        NodeConfig config = TestNodes.config(tmp.resolve("data"), bad);
        FrontendNode started = null;
        try {
            started = TestNodes.start(config);
            throw new AssertionError("the node started with " + option + "=" + value);
        } catch (NodeConfig.ConfigError e) {
            assertThat(e).hasMessage(message);
        } finally {
            if (started != null) {
                started.close();
            }
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--print-config", "--set", "node.dataDir=" + tmp.resolve("data"), "--set", option + "=" + value},
                Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("frontend-node: " + message);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void printConfigShowsEveryOptionWithItsSource() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--print-config", "--set", "shutdown.drainTimeout=5s"},
                Map.of("CCSFRONT_TLS_ENGINE", "jdk"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("shutdown.drainTimeout = 5s  [command line]").contains("tls.engine = jdk  [env CCSFRONT_TLS_ENGINE]")
                .contains("tls.minVersion = 1.2  [default]");
        assertThat(printed.lines().count()).isEqualTo(Option.ALL.size());
    }
}
