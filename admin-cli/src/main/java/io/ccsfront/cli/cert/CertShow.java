package io.ccsfront.cli.cert;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.cli.CliCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ccsctl cert show THUMBPRINT}: certutil-like details, the stores, CCS keys and bindings holding it. */
@Command(name = "show", description = "Show a certificate: names, validity, key, chain, warnings, and where it is used.")
public final class CertShow extends CliCommand {

    @Parameters(paramLabel = "THUMBPRINT", description = "SHA-1 thumbprint, 40 hex digits (spaces allowed when quoted)")
    String thumbprint;

    @Override
    public Integer call() {
        Thumbprint t = parse(thumbprint, Thumbprint::parse);
        JsonNode r = client().get("admin/v1/certificates/" + t.hex());
        if (json()) {
            printJson(r);
            return 0;
        }
        CertificateText.print(out(), r.path("certificate"));
        CertificateText.line(out(), "Stores", CertificateText.list(r.path("stores")));
        CertificateText.line(out(), "CCS keys", CertificateText.list(r.path("ccsKeys")));
        CertificateText.line(out(), "SSL bindings", CertificateText.list(r.path("bindings")));
        return 0;
    }
}
