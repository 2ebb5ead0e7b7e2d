package io.ccsfront.cli;

import io.ccsfront.cli.main.Ccsctl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code ccsctl completion bash|zsh}: the script is printed, and sourced in a real bash or zsh
 * (zsh through bashcompinit; .ci/run installs zsh) it completes the commands and sub-commands.
 */
class CcsctlCompletionTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bash", "zsh"})
    void theScriptCompletesEveryCommandAndSubCommand(String shell) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin", shell)) || Files.isExecutable(Path.of("/bin", shell)),
                shell + " is not installed (.ci/run installs it)");
        CliNode.Result r = CliNode.runRaw("completion", shell);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("_complete_ccsctl").contains("complete -F _complete_ccsctl");
        Path script = tmp.resolve("ccsctl." + shell);
        Files.writeString(script, r.out());

        CommandLine tree = Ccsctl.commandLine(new Ccsctl(Map.of()));
        assertThat(complete(shell, script)).containsAll(tree.getSubcommands().keySet()).contains("cert", "sslcert", "completion");
        assertThat(complete(shell, script, "cert")).containsAll(tree.getSubcommands().get("cert").getSubcommands().keySet())
                .contains("import", "request");
        assertThat(complete(shell, script, "cert", "request")).contains("list", "delete");
        assertThat(complete(shell, script, "completion")).containsExactlyInAnyOrder("bash", "zsh");
    }

    @Test
    void anotherShellIsAUsageErrorNamingIt() {
        CliNode.Result r = CliNode.runRaw("completion", "fish");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("fish").contains("bash, zsh");
    }

    /** The words the shell offers after {@code ccsctl WORDS… <TAB>}. */
    private List<String> complete(String shell, Path script, String... words) throws IOException, InterruptedException {
        StringBuilder line = new StringBuilder("ccsctl");
        for (String w : words) {
            line.append(' ').append(w);
        }
        String compWords = "(" + line + " '')";
        String setup = shell.equals("zsh")
                ? "autoload -U +X compinit && compinit -u -D; autoload -U +X bashcompinit && bashcompinit; setopt ksharrays; "
                : "";
        String program = setup + "source '" + script + "'; COMP_WORDS=" + compWords + "; COMP_CWORD=" + (words.length + 1)
                + "; COMP_LINE='" + line + " '; COMP_POINT=${#COMP_LINE}; _complete_ccsctl ccsctl '' "
                + (words.length == 0 ? "ccsctl" : words[words.length - 1]) + " 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        List<String> cmd = shell.equals("zsh") ? List.of("zsh", "-f", "-c", program) : List.of("bash", "--norc", "--noprofile", "-c", program);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false)
                .redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
        pb.environment().put("HOME", tmp.toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(shell + " finished").isTrue();
        String out = Files.readString(tmp.resolve("out"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out + Files.readString(tmp.resolve("err"), StandardCharsets.UTF_8)).isZero();
        return Stream.of(out.split("\n")).filter(s -> !s.isBlank()).toList();
    }
}
