package io.ccsfront.cli.sslcert;

import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.CliException;
import io.ccsfront.cli.VersionOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ccsctl http add|update|show|delete sslcert …}: netsh's own command shape, so a
 * {@code netsh http add sslcert ipport=… certhash=… appid=…} line runs with {@code netsh}
 * replaced by {@code ccsctl}.
 */
@Command(name = "http", description = "netsh-shaped SSL bindings: ccsctl http add|update|show|delete sslcert KEY=VALUE…")
public final class HttpCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "VERB", description = "add, update, show or delete")
    String verb;

    @Parameters(index = "1", paramLabel = "sslcert")
    String object;

    @Parameters(index = "2..*", paramLabel = "KEY=VALUE")
    List<String> words = new ArrayList<>();

    @Option(names = "--force", description = "delete: even though sites depend on the binding")
    boolean force;

    @Mixin
    VersionOption version;

    @Override
    public Integer call() {
        if (!object.equalsIgnoreCase("sslcert")) {
            throw CliException.usage("only sslcert is supported after http " + verb + ": " + object);
        }
        return switch (verb.toLowerCase(Locale.ROOT)) {
            case "add" -> Sslcerts.put(this, words, version.get(), false);
            case "update" -> Sslcerts.put(this, words, version.get(), true);
            case "show" -> Sslcerts.show(this, words);
            case "delete" -> Sslcerts.delete(this, words, force, version.get());
            default -> throw CliException.usage("http verb must be add, update, show or delete: " + verb);
        };
    }
}
