package io.ccsfront.cli.site;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.VersionOption;
import io.ccsfront.site.Site;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ccsctl site delete NAME}. */
@Command(name = "delete", description = "Delete a site.")
public final class SiteDelete extends CliCommand {

    @Parameters(paramLabel = "NAME")
    String name;

    @Mixin
    VersionOption version;

    @Override
    public Integer call() {
        JsonNode r = client().send("DELETE", "admin/v1/sites/" + AdminClient.seg(parse(name, Site::checkName)), null, version.get());
        if (json()) {
            printJson(r);
        } else {
            out().println("site " + name + " deleted (configuration version " + r.path("version").asLong() + ")");
        }
        return 0;
    }
}
