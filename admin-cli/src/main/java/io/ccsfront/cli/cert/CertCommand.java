package io.ccsfront.cli.cert;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ccsctl cert …}: the certificate stores (certutil -store, the IIS import/export and request wizards). */
@Command(name = "cert", description = "Certificates in the thumbprint stores: import, list, show, delete, export, request, complete.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {CertImport.class, CertList.class, CertShow.class, CertDelete.class, CertExport.class,
            CertRequest.class, CertComplete.class})
public final class CertCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: import, list, show, delete, export, request or complete");
    }
}
