package io.ccsfront.cli.site;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.Table;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code ccsctl site list}. */
@Command(name = "list", description = "List the sites.")
public final class SiteList extends CliCommand {

    @Override
    public Integer call() {
        JsonNode r = client().get("admin/v1/sites");
        if (json()) {
            printJson(r);
            return 0;
        }
        Table t = new Table("ID", "NAME", "BINDINGS", "WORKERS");
        for (JsonNode s : r.path("sites")) {
            List<String> b = new ArrayList<>();
            s.path("bindings").forEach(x -> b.add(SiteText.describe(x)));
            t.row(s.path("id").asLong(), text(s, "name"), String.join(", ", b), joined(s.path("workers")));
        }
        if (t.size() == 0) {
            out().println("no sites");
        } else {
            t.print(out());
        }
        return 0;
    }
}
