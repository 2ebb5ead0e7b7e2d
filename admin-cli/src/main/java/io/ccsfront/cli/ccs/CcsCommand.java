package io.ccsfront.cli.ccs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ccsctl ccs …}: the Central Certificate Store by hostname. */
@Command(name = "ccs", description = "The Central Certificate Store: put, list, show, delete (keys www.a.com, *.a.com or _.a.com).",
        synopsisSubcommandLabel = "COMMAND", subcommands = {CcsPut.class, CcsList.class, CcsShow.class, CcsDelete.class})
public final class CcsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: put, list, show or delete");
    }
}
