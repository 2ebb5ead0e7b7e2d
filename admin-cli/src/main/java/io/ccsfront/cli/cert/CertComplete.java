package io.ccsfront.cli.cert;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.binding.CertStoreNames;
import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.Inputs;
import io.ccsfront.cli.VersionOption;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ccsctl cert complete FILE [--store S]}: installs the CA's certificate with the request's key; prints the thumbprint. */
@Command(name = "complete", description = "Complete a certificate request with the issued certificate (CER, PEM or P7B); prints its thumbprint.")
public final class CertComplete extends CliCommand {

    @Parameters(paramLabel = "FILE", description = "the certificate the CA issued")
    Path file;

    @Option(names = "--store", paramLabel = "STORE", defaultValue = "MY", description = "store to install it in; default MY")
    String store;

    @Mixin
    VersionOption version;

    @Override
    public Integer call() {
        String s = parse(store, CertStoreNames::normalize);
        JsonNode r = client().upload("POST", "admin/v1/certificate-requests/complete", Map.of("store", s),
                Map.of("file", new AdminClient.FilePart(file.getFileName().toString(), Inputs.bytes(file))), version.get());
        if (json()) {
            printJson(r);
        } else {
            out().println(r.path("thumbprint").asText());
        }
        return 0;
    }
}
