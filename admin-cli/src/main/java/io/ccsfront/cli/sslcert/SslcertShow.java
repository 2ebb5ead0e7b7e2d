package io.ccsfront.cli.sslcert;

import io.ccsfront.cli.CliCommand;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ccsctl sslcert show [ipport=…|hostnameport=…|ccs=…]}: the netsh http show sslcert layout, or --json. */
@Command(name = "show", description = "Show SSL bindings in the netsh http show sslcert layout.")
public final class SslcertShow extends CliCommand {

    @Parameters(arity = "0..*", paramLabel = "KEY=VALUE", description = "ipport=IP:PORT, hostnameport=HOST:PORT or ccs=PORT (default: all)")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
        return Sslcerts.show(this, words);
    }
}
