package io.ccsfront.cli.sslcert;

import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.VersionOption;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ccsctl sslcert update ipport=… certhash=…}: netsh http update sslcert (the binding must exist). */
@Command(name = "update", description = "Replace an existing SSL binding (netsh http update sslcert): same words as add.")
public final class SslcertUpdate extends CliCommand {

    @Parameters(arity = "1..*", paramLabel = "KEY=VALUE")
    List<String> words;

    @Mixin
    VersionOption version;

    @Override
    public Integer call() {
        return Sslcerts.put(this, words, version.get(), true);
    }
}
