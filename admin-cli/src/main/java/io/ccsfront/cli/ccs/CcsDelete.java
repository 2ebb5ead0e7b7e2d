package io.ccsfront.cli.ccs;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.VersionOption;
import io.ccsfront.name.CcsKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ccsctl ccs delete HOSTNAME}. */
@Command(name = "delete", description = "Delete the CCS entry of a hostname.")
public final class CcsDelete extends CliCommand {

    @Parameters(paramLabel = "HOSTNAME")
    String hostname;

    @Mixin
    VersionOption version;

    @Override
    public Integer call() {
        String key = parse(hostname, CcsKeys::normalize);
        JsonNode r = client().send("DELETE", "admin/v1/ccs/" + AdminClient.seg(key), null, version.get());
        if (json()) {
            printJson(r);
        } else {
            out().println("CCS entry " + key + " deleted (configuration version " + r.path("version").asLong() + ")");
        }
        return 0;
    }
}
