package io.ccsfront.cli.ccs;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.Inputs;
import io.ccsfront.cli.VersionOption;
import io.ccsfront.name.CcsKeys;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ccsctl ccs put HOSTNAME FILE [--password-file F] [--key-file K]}: prints the thumbprint. */
@Command(name = "put", description = "Put the certificate of a hostname into the CCS (a PFX, or a certificate with --key-file); prints its thumbprint.")
public final class CcsPut extends CliCommand {

    @Parameters(index = "0", paramLabel = "HOSTNAME", description = "www.contoso.com, or *.contoso.com / _.contoso.com for the wildcard entry")
    String hostname;

    @Parameters(index = "1", paramLabel = "FILE", description = "PFX, or PEM/DER certificate")
    Path file;

    @Option(names = "--password-file", paramLabel = "FILE", description = "file holding the PFX or key password")
    Path passwordFile;

    @Option(names = "--key-file", paramLabel = "FILE", description = "the private key, when FILE holds only the certificate (the CCS .crt + .key pair)")
    Path keyFile;

    @Mixin
    VersionOption version;

    @Override
    public Integer call() {
        String key = parse(hostname, CcsKeys::normalize);
        Map<String, String> fields = new LinkedHashMap<>();
        if (passwordFile != null) {
            fields.put("password", Inputs.password(passwordFile));
        }
        Map<String, AdminClient.FilePart> files = new LinkedHashMap<>();
        files.put("file", new AdminClient.FilePart(file.getFileName().toString(), Inputs.bytes(file)));
        if (keyFile != null) {
            files.put("key", new AdminClient.FilePart(keyFile.getFileName().toString(), Inputs.bytes(keyFile)));
        }
        JsonNode r = client().upload("PUT", "admin/v1/ccs/" + AdminClient.seg(key), fields, files, version.get());
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
