package io.ccsfront.cli.cert;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.Table;
import picocli.CommandLine.Command;

/** {@code ccsctl cert request list}: the requests waiting for their certificate ("cert complete"). */
@Command(name = "list", description = "List the pending certificate requests (created, not yet completed).")
public final class CertRequestList extends CliCommand {

    @Override
    public Integer call() {
        JsonNode r = client().get("admin/v1/certificate-requests");
        if (json()) {
            printJson(r);
            return 0;
        }
        Table t = new Table("ID", "CREATED", "SUBJECT", "KEY", "SANS");
        for (JsonNode p : r.path("requests")) {
            t.row(text(p, "id"), text(p, "created"), text(p, "subject"), text(p, "key"), joined(p.path("sans")));
        }
        if (t.size() == 0) {
            out().println("no pending certificate requests");
        } else {
            t.print(out());
        }
        return 0;
    }
}
