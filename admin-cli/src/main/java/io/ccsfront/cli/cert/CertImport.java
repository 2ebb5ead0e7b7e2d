package io.ccsfront.cli.cert;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.binding.CertStoreNames;
import io.ccsfront.cli.CertificateFiles;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.VersionOption;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ccsctl cert import FILE [--password-file F] [--key-file K] [--store S]}: prints the thumbprint. */
@Command(name = "import", description = "Import a certificate file (PFX/P12, PEM, CER/DER, P7B; or a certificate with --key-file) "
        + "into a store; prints its thumbprint.")
public final class CertImport extends CliCommand {

    @Parameters(paramLabel = "FILE", description = "the certificate file")
    Path file;

    @Mixin
    CertificateFiles inputs;

    @Option(names = "--store", paramLabel = "STORE", defaultValue = "MY", description = "MY, WebHosting or another store (created when missing); default MY")
    String store;

    @Mixin
    VersionOption version;

    @Override
    public Integer call() {
        String s = parse(store, CertStoreNames::normalize);
        Map<String, String> fields = inputs.fields();
        fields.put("store", s);
        JsonNode r = client().upload("POST", "admin/v1/certificates", fields, inputs.parts(file), version.get());
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
