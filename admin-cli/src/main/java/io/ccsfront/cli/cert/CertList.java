package io.ccsfront.cli.cert;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.binding.CertStoreNames;
import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.CliException;
import io.ccsfront.cli.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ccsctl cert list [--store S] [--expiring-within DAYS]}. */
@Command(name = "list", description = "List the certificates of the stores.")
public final class CertList extends CliCommand {

    @Option(names = "--store", paramLabel = "STORE", description = "only this store")
    String store;

    @Option(names = "--expiring-within", paramLabel = "DAYS", description = "only certificates expiring within DAYS days")
    Integer days;

    @Override
    public Integer call() {
        StringBuilder q = new StringBuilder("admin/v1/certificates");
        String sep = "?";
        if (store != null) {
            q.append(sep).append("store=").append(AdminClient.q(parse(store, CertStoreNames::normalize)));
            sep = "&";
        }
        if (days != null) {
            if (days < 0) {
                throw CliException.usage("--expiring-within must not be negative: " + days);
            }
            q.append(sep).append("expiringWithin=").append(days);
        }
        JsonNode r = client().get(q.toString());
        if (json()) {
            printJson(r);
            return 0;
        }
        Table t = new Table("STORE", "THUMBPRINT", "NOT AFTER", "KEY", "NAMES", "BINDINGS");
        for (JsonNode c : r.path("certificates")) {
            t.row(text(c, "store"), text(c, "thumbprint"), text(c, "notAfter"), c.path("hasPrivateKey").asBoolean() ? "yes" : "no",
                    CertificateText.names(c), joined(c.path("bindings")));
        }
        if (t.size() == 0) {
            out().println("no certificates");
        } else {
            t.print(out());
        }
        return 0;
    }
}
