package io.ccsfront.cli.sslcert;

import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.VersionOption;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ccsctl sslcert add ipport=IP:PORT certhash=HASH [appid={GUID}] [certstorename=STORE]} (or hostnameport=…, ccs=PORT). */
@Command(name = "add", description = "Add an SSL binding: netsh http add sslcert's words, e.g. "
        + "ipport=0.0.0.0:443 certhash=<thumbprint> appid={<guid>} [certstorename=MY] [mintlsversion=1.3] "
        + "[clientcertnegotiation=enable] [disablehttp2=enable]; or hostnameport=HOST:PORT …; or ccs=PORT.")
public final class SslcertAdd extends CliCommand {

    @Parameters(arity = "1..*", paramLabel = "KEY=VALUE", description = "netsh words (a leading 'http add sslcert' is accepted)")
    List<String> words;

    @Mixin
    VersionOption version;

    @Override
    public Integer call() {
        return Sslcerts.put(this, words, version.get(), false);
    }
}
