package io.ccsfront.cli.cert;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.CliException;
import io.ccsfront.cli.Inputs;
import java.nio.file.Path;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ccsctl cert export THUMBPRINT --out F.pfx --password-file F}: the only way a private key leaves the cluster. */
@Command(name = "export", description = "Export a certificate with its chain and private key as a password-protected PFX "
        + "(AES-256, HMAC-SHA256). The export is recorded in the audit log.")
public final class CertExport extends CliCommand {

    @Parameters(paramLabel = "THUMBPRINT")
    String thumbprint;

    @Option(names = "--out", required = true, paramLabel = "FILE.pfx", description = "the PFX file to write")
    Path outFile;

    @Option(names = "--password-file", required = true, paramLabel = "FILE", description = "file holding the PFX password (required: exports are always protected)")
    Path passwordFile;

    @Override
    public Integer call() {
        Thumbprint t = parse(thumbprint, Thumbprint::parse);
        String password = Inputs.password(passwordFile);
        if (password.isEmpty()) {
            throw CliException.usage("the password file is empty: " + passwordFile + " (exports are always password protected)");
        }
        JsonNode r = client().send("POST", "admin/v1/certificates/" + t.hex() + "/export",
                AdminClient.object().put("password", password), null);
        byte[] pfx = Base64.getDecoder().decode(r.path("pfx").asText());
        Inputs.write(outFile, pfx);
        if (json()) {
            printJson(AdminClient.object().put("thumbprint", t.hex()).put("file", outFile.toString()).put("bytes", pfx.length));
        } else {
            out().println("certificate " + t + " exported to " + outFile + " (" + pfx.length + " bytes, password protected)");
        }
        return 0;
    }
}
