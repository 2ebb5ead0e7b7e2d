package io.ccsfront.cli.cert;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.binding.CertStoreNames;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.VersionOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ccsctl cert delete THUMBPRINT [--store S]}: refused while an SSL binding names it. */
@Command(name = "delete", description = "Delete a certificate from its store(s); refused while SSL bindings use it.")
public final class CertDelete extends CliCommand {

    @Parameters(paramLabel = "THUMBPRINT")
    String thumbprint;

    @Option(names = "--store", paramLabel = "STORE", description = "only from this store (default: every store holding it)")
    String store;

    @Mixin
    VersionOption version;

    @Override
    public Integer call() {
        Thumbprint t = parse(thumbprint, Thumbprint::parse);
        String path = "admin/v1/certificates/" + t.hex() + (store == null ? "" : "?store=" + AdminClient.q(parse(store, CertStoreNames::normalize)));
        JsonNode r = client().send("DELETE", path, null, version.get());
        if (json()) {
            printJson(r);
        } else {
            out().println("certificate " + t + " deleted (configuration version " + r.path("version").asLong() + ")");
        }
        return 0;
    }
}
