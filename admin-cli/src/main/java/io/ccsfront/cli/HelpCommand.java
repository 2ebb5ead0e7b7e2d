package io.ccsfront.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ccsctl help [COMMAND…]}: the help of any command or sub-command, the same text as
 * {@code ccsctl COMMAND… --help} ({@code ccsctl help cert import}). Words after a command that
 * has no sub-commands are its arguments ({@code help http add sslcert} shows {@code http}).
 */
@Command(name = "help", helpCommand = true, description = "Show the help of a command, e.g. ccsctl help cert import.")
public final class HelpCommand implements Runnable {

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "the command path, e.g. cert import")
    List<String> path = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        CommandLine c = spec.root().commandLine();
        for (String word : path) {
            if (c.getSubcommands().isEmpty()) {
                break;
            }
            CommandLine next = c.getSubcommands().get(word);
            if (next == null) {
                throw new CommandLine.ParameterException(spec.root().commandLine(), "unknown command: "
                        + c.getCommandSpec().qualifiedName() + " " + word + " (commands: "
                        + String.join(", ", c.getSubcommands().keySet()) + ")");
            }
            c = next;
        }
        c.usage(spec.commandLine().getOut(), c.getColorScheme());
    }
}
