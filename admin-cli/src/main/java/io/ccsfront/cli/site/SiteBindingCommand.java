package io.ccsfront.cli.site;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.CliException;
import io.ccsfront.cli.VersionOption;
import io.ccsfront.site.Site;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ccsctl site binding add|delete NAME BINDING [--sni] [--ccs]} (appcmd set site /+bindings / /-bindings). */
@Command(name = "binding", description = "Add or delete a site binding: site binding add|delete NAME BINDING [--sni] [--ccs].")
public final class SiteBindingCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "add|delete")
    String action;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Parameters(index = "2", paramLabel = "BINDING", description = "https/*:443:www.contoso.com or /+bindings.[protocol='https',…]")
    String binding;

    @Option(names = "--sni", description = "https binding requires SNI (sslFlags 1)")
    boolean sni;

    @Option(names = "--ccs", description = "https binding uses the Central Certificate Store (sslFlags 2)")
    boolean ccs;

    @Mixin
    VersionOption version;

    @Override
    public Integer call() {
        String path = "admin/v1/sites/" + AdminClient.seg(parse(name, Site::checkName)) + "/bindings";
        String text = SiteText.binding(binding, sni, ccs);
        JsonNode r;
        switch (action.toLowerCase(Locale.ROOT)) {
            case "add" -> r = client().send("POST", path, AdminClient.object().put("binding", text), version.get());
            case "delete" -> r = client().send("DELETE", path + "?binding=" + AdminClient.q(text), null, version.get());
            default -> throw CliException.usage("site binding takes add or delete: " + action);
        }
        if (json()) {
            printJson(r);
        } else {
            out().println("site " + name + ": binding " + text + (action.equalsIgnoreCase("add") ? " added" : " deleted")
                    + " (configuration version " + r.path("version").asLong() + ")");
        }
        return 0;
    }
}
