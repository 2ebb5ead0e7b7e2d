package io.ccsfront.cli.ccs;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.CliException;
import io.ccsfront.cli.Table;
import io.ccsfront.cli.cert.CertificateText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ccsctl ccs list [--expiring-within DAYS]}. */
@Command(name = "list", description = "List the CCS entries.")
public final class CcsList extends CliCommand {

    @Option(names = "--expiring-within", paramLabel = "DAYS", description = "only entries expiring within DAYS days")
    Integer days;

    @Override
    public Integer call() {
        if (days != null && days < 0) {
            throw CliException.usage("--expiring-within must not be negative: " + days);
        }
        JsonNode r = client().get("admin/v1/ccs" + (days == null ? "" : "?expiringWithin=" + days));
        if (json()) {
            printJson(r);
            return 0;
        }
        Table t = new Table("KEY", "THUMBPRINT", "NOT AFTER", "KEY?", "NAMES");
        for (JsonNode e : r.path("entries")) {
            t.row(text(e, "key"), text(e, "thumbprint"), text(e, "notAfter"), e.path("hasPrivateKey").asBoolean() ? "yes" : "no",
                    CertificateText.names(e));
        }
        if (t.size() == 0) {
            out().println("the CCS is empty");
        } else {
            t.print(out());
        }
        return 0;
    }
}
