package io.ccsfront.cli.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.CliException;
import io.ccsfront.cli.VersionOption;
import io.ccsfront.site.Site;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ccsctl site add NAME --binding https/*:443:www.contoso.com [--sni] [--ccs] --worker URL …}; a
 * binding may also be appcmd's {@code /+bindings.[protocol='https',bindingInformation='*:443:host',sslFlags='1']}.
 */
@Command(name = "add", description = "Add a site with its bindings and web workers.")
public final class SiteAdd extends CliCommand {

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1..*", paramLabel = "/+bindings.[…]", description = "bindings in appcmd's long form")
    List<String> appcmd = new ArrayList<>();

    @Option(names = "--binding", paramLabel = "BINDING", description = "protocol/<ip or *>:<port>:<host>, e.g. https/*:443:www.contoso.com (repeatable)")
    List<String> bindings = new ArrayList<>();

    @Option(names = "--sni", description = "https bindings require SNI (sslFlags 1)")
    boolean sni;

    @Option(names = "--ccs", description = "https bindings use the Central Certificate Store (sslFlags 2)")
    boolean ccs;

    @Option(names = "--worker", paramLabel = "URL", description = "web worker base URL, e.g. http://10.0.0.7:8080 (repeatable)")
    List<String> workers = new ArrayList<>();

    @Option(names = "--id", paramLabel = "ID", description = "site id (default: one more than the highest)")
    Long id;

    @Mixin
    VersionOption version;

    @Override
    public Integer call() {
        parse(name, Site::checkName);
        ObjectNode body = AdminClient.object().put("name", name);
        if (id != null) {
            if (id < 1) {
                throw CliException.usage("--id must be positive: " + id);
            }
            body.put("id", id);
        }
        ArrayNode b = body.putArray("bindings");
        List<String> all = new ArrayList<>(bindings);
        all.addAll(appcmd);
        for (String text : all) {
            b.add(SiteText.binding(text, sni, ccs));
        }
        ArrayNode w = body.putArray("workers");
        workers.forEach(x -> w.add(SiteText.worker(x)));
        JsonNode r = client().send("POST", "admin/v1/sites", body, version.get());
        if (json()) {
            printJson(r);
        } else {
            out().println("site " + name + " added with id " + r.path("site").path("id").asLong() + " (configuration version "
                    + r.path("version").asLong() + ")");
        }
        return 0;
    }
}
