package io.ccsfront.cli.ccs;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.cert.CertificateText;
import io.ccsfront.name.CcsKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ccsctl ccs show HOSTNAME}: the entry, or for a name without its own entry the wildcard entry serving it. */
@Command(name = "show", description = "Show the CCS entry of a hostname (or the wildcard entry that serves it).")
public final class CcsShow extends CliCommand {

    @Parameters(paramLabel = "HOSTNAME")
    String hostname;

    @Override
    public Integer call() {
        String key = parse(hostname, CcsKeys::normalize);
        JsonNode r = client().get("admin/v1/ccs/" + AdminClient.seg(key));
        if (json()) {
            printJson(r);
            return 0;
        }
        out().println(String.format("%-18s %s", "CCS key:", r.path("servedBy").asText()
                + (r.path("servedBy").asText().equals(key) ? "" : " (serves " + key + ")")));
        CertificateText.print(out(), r.path("certificate"));
        return 0;
    }
}
