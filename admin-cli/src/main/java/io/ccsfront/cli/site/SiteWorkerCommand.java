package io.ccsfront.cli.site;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.CliException;
import io.ccsfront.cli.VersionOption;
import io.ccsfront.site.Site;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ccsctl site worker add|delete NAME URL}. */
@Command(name = "worker", description = "Add or delete a web worker of a site: site worker add|delete NAME URL.")
public final class SiteWorkerCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "add|delete")
    String action;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Parameters(index = "2", paramLabel = "URL", description = "e.g. http://10.0.0.7:8080")
    String url;

    @Mixin
    VersionOption version;

    @Override
    public Integer call() {
        String path = "admin/v1/sites/" + AdminClient.seg(parse(name, Site::checkName)) + "/workers";
        String w = SiteText.worker(url);
        JsonNode r;
        switch (action.toLowerCase(Locale.ROOT)) {
            case "add" -> r = client().send("POST", path, AdminClient.object().put("url", w), version.get());
            case "delete" -> r = client().send("DELETE", path + "?url=" + AdminClient.q(w), null, version.get());
            default -> throw CliException.usage("site worker takes add or delete: " + action);
        }
        if (json()) {
            printJson(r);
        } else {
            out().println("site " + name + ": worker " + w + (action.equalsIgnoreCase("add") ? " added" : " deleted")
                    + " (configuration version " + r.path("version").asLong() + ")");
        }
        return 0;
    }
}
