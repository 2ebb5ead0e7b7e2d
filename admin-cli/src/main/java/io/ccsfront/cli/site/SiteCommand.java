package io.ccsfront.cli.site;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ccsctl site …}: sites, their bindings and web workers (appcmd's vocabulary). */
@Command(name = "site", description = "Sites: add, list, show, delete; their bindings and web workers.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {SiteAdd.class, SiteList.class, SiteShow.class, SiteDelete.class, SiteBindingCommand.class, SiteWorkerCommand.class})
public final class SiteCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: add, list, show, delete, binding or worker");
    }
}
