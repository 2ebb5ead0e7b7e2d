package io.ccsfront.cli.sslcert;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ccsctl sslcert …}: HTTP.SYS SSL bindings, netsh vocabulary. */
@Command(name = "sslcert", description = "SSL bindings in the netsh vocabulary: add, update, show, delete.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {SslcertAdd.class, SslcertUpdate.class, SslcertShow.class, SslcertDelete.class})
public final class SslcertCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: add, update, show or delete");
    }
}
