package io.ccsfront.cli;

import io.ccsfront.cli.main.Ccsctl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command and sub-command of ccsctl answers {@code --help}, {@code -h} and {@code ccsctl help
 * …} with the same usage text, exit 0, nothing on stderr and no picocli warning — whatever
 * arguments it otherwise requires. The rows are the whole command tree, walked from ccsctl's own.
 */
class CcsctlHelpTest {

    static Stream<List<String>> commandTree() {
        List<List<String>> paths = new ArrayList<>();
        walk(Ccsctl.commandLine(new Ccsctl(Map.of())), new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void walk(CommandLine c, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        c.getSubcommands().forEach((name, sub) -> {
            path.add(name);
            walk(sub, path, out);
            path.remove(path.size() - 1);
        });
    }

    @Test
    void theTreeHoldsEveryVerb() {
        List<String> names = commandTree().map(p -> String.join(" ", p)).toList();
        assertThat(names).contains("", "cert", "cert import", "cert request", "cert request list", "cert request delete",
                "sslcert add", "http", "ccs put", "site binding", "site worker", "explain", "doctor", "rotate", "cluster status",
                "help", "completion");
        assertThat(names).hasSizeGreaterThan(35);
    }

    @ParameterizedTest(name = "ccsctl {0}")
    @MethodSource("commandTree")
    void everyCommandAnswersHelpAndTheHelpCommand(List<String> path) {
        PrintStream systemErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            CliNode.Result longOption = CliNode.runRaw(with(path, "--help"));
            CliNode.Result shortOption = CliNode.runRaw(with(path, "-h"));
            List<String> help = new ArrayList<>(List.of("help"));
            help.addAll(path);
            CliNode.Result helpCommand = CliNode.runRaw(help.toArray(String[]::new));
            String usage = "Usage: " + String.join(" ", with(List.of("ccsctl"), path.toArray(String[]::new))) + " ";
            for (CliNode.Result r : List.of(longOption, shortOption, helpCommand)) {
                assertThat(r.code()).as(r.toString()).isZero();
                assertThat(r.err()).as(r.toString()).isEmpty();
                assertThat(r.out()).as(r.toString()).startsWith(usage);
            }
            assertThat(shortOption.out()).isEqualTo(longOption.out());
            assertThat(helpCommand.out()).isEqualTo(longOption.out());
        } finally {
            System.setErr(systemErr);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).as("picocli warnings").isEmpty();
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageErrorListingTheCommands() {
        CliNode.Result r = CliNode.runRaw("help", "cert", "nope");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown command: ccsctl cert nope").contains("import, list, show");
    }

    @Test
    void wordsAfterALeafCommandAreItsArguments() {
        CliNode.Result r = CliNode.runRaw("help", "http", "add", "sslcert");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(CliNode.runRaw("http", "--help").out());
    }

    private static String[] with(List<String> path, String... more) {
        List<String> all = new ArrayList<>(path);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
