package io.ccsfront.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ccsctl completion bash|zsh}: prints the shell completion script for every command,
 * sub-command and option (picocli's generator; the script works in bash and, through
 * bashcompinit, in zsh).
 */
@Command(name = "completion", description = {"Print a shell completion script.",
    "bash: source <(ccsctl completion bash)   (or save it in /etc/bash_completion.d/ccsctl)",
    "zsh:  source <(ccsctl completion zsh)    (in ~/.zshrc)"})
public final class CompletionCommand implements Runnable {

    /** The shells the generated script supports. */
    enum Shell { bash, zsh }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        CommandLine root = spec.root().commandLine();
        String script = AutoComplete.bash(root.getCommandName(), root);
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
    }
}
