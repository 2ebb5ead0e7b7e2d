package io.ccsfront.cli.cert;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.VersionOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ccsctl cert request delete ID}: drops a pending request and its sealed private key. */
@Command(name = "delete", description = "Delete a pending certificate request and its private key (the issued certificate "
        + "can then no longer be completed).")
public final class CertRequestDelete extends CliCommand {

    @Parameters(paramLabel = "ID", description = "the request id \"cert request list\" shows (40 hex digits)")
    String id;

    @Mixin
    VersionOption version;

    @Override
    public Integer call() {
        Thumbprint t = parse(id, x -> {
            try {
                return Thumbprint.parse(x);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("certificate request id must be 40 hex digits: " + x.strip());
            }
        });
        JsonNode r = client().send("DELETE", "admin/v1/certificate-requests/" + t.hex(), null, version.get());
        if (json()) {
            printJson(r);
        } else {
            out().println("certificate request " + t + " deleted (configuration version " + r.path("version").asLong() + ")");
        }
        return 0;
    }
}
