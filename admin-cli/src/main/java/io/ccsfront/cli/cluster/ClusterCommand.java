package io.ccsfront.cli.cluster;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ccsctl cluster status}. */
@Command(name = "cluster", description = "The cluster: status.", synopsisSubcommandLabel = "COMMAND", subcommands = {ClusterStatus.class})
public final class ClusterCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: status");
    }
}
