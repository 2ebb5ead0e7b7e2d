package io.ccsfront.cli.sslcert;

import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.VersionOption;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ccsctl sslcert delete ipport=…|hostnameport=…|ccs=… [--force]}: refused while sites depend on the binding. */
@Command(name = "delete", description = "Delete an SSL binding; refused while site bindings get their certificate from it, unless --force.")
public final class SslcertDelete extends CliCommand {

    @Parameters(arity = "1..*", paramLabel = "KEY=VALUE", description = "ipport=IP:PORT, hostnameport=HOST:PORT or ccs=PORT")
    List<String> words;

    @Option(names = "--force", description = "delete even though sites depend on it (their handshakes then fail or fall to another level)")
    boolean force;

    @Mixin
    VersionOption version;

    @Override
    public Integer call() {
        return Sslcerts.delete(this, words, force, version.get());
    }
}
