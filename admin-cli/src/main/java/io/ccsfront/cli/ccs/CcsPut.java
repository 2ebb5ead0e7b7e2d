package io.ccsfront.cli.ccs;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.CertificateFiles;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.VersionOption;
import io.ccsfront.name.CcsKeys;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ccsctl ccs put HOSTNAME FILE [--password-file F] [--key-file K]}: prints the thumbprint. */
@Command(name = "put", description = "Put the certificate of a hostname into the CCS (a PFX, or a certificate with --key-file); prints its thumbprint.")
public final class CcsPut extends CliCommand {

    @Parameters(index = "0", paramLabel = "HOSTNAME", description = "www.contoso.com, or *.contoso.com / _.contoso.com for the wildcard entry")
    String hostname;

    @Parameters(index = "1", paramLabel = "FILE", description = "PFX, or PEM/DER certificate")
    Path file;

    @Mixin
    CertificateFiles inputs;

    @Mixin
    VersionOption version;

    @Override
    public Integer call() {
        String key = parse(hostname, CcsKeys::normalize);
        JsonNode r = client().upload("PUT", "admin/v1/ccs/" + AdminClient.seg(key), inputs.fields(), inputs.parts(file), version.get());
        if (json()) {
            printJson(r);
            return 0;
        }
        out().println(r.path("thumbprint").asText());
        for (JsonNode w : r.path("warnings")) {
            err().println("warning: " + w.path("message").asText());
        }
        return 0;
    }
}
