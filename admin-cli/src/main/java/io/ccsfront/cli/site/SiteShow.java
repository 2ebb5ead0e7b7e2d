package io.ccsfront.cli.site;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.site.Site;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ccsctl site show NAME}. */
@Command(name = "show", description = "Show a site: id, bindings, web workers.")
public final class SiteShow extends CliCommand {

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
        JsonNode r = client().get("admin/v1/sites/" + AdminClient.seg(parse(name, Site::checkName)));
        if (json()) {
            printJson(r);
        } else {
            SiteText.print(out(), r.path("site"));
        }
        return 0;
    }
}
