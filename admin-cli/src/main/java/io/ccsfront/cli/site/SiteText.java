package io.ccsfront.cli.site;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.binding.AppcmdCodec;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.site.Site;
import java.io.PrintWriter;
import java.util.Locale;

/** Site binding parsing for the commands, and the text form of a site. */
final class SiteText {

    private SiteText() {
    }

    /**
     * Parses {@code https/*:443:host} (sslFlags from {@code sni}/{@code ccs}) or appcmd's long form
     * ({@code /+bindings.[protocol='https',bindingInformation='*:443:host',sslFlags='1']}); a
     * failure is a usage error naming the value. Returns the text to send.
     */
    static String binding(String text, boolean sni, boolean ccs) {
        int flags = (sni ? SiteBinding.SSL_SNI : 0) | (ccs ? SiteBinding.SSL_CCS : 0);
        SiteBinding b = CliCommand.parse(text, t -> {
            SiteBinding plain = AppcmdCodec.parse(t, 0);
            boolean explicit = t.toLowerCase(Locale.ROOT).contains("sslflags");
            return plain.isHttps() && !explicit && flags != 0 ? AppcmdCodec.parse(t, flags) : plain;
        });
        return b.isHttps() ? AppcmdCodec.toLongForm(b).substring("/+bindings.".length()) : AppcmdCodec.toShortForm(b);
    }

    static String worker(String url) {
        return CliCommand.parse(url, Site::parseWorker).toString();
    }

    static void print(PrintWriter out, JsonNode site) {
        out.println(String.format("%-10s %s", "Site:", site.path("name").asText()));
        out.println(String.format("%-10s %s", "Id:", site.path("id").asLong()));
        boolean first = true;
        for (JsonNode b : site.path("bindings")) {
            out.println(String.format("%-10s %s", first ? "Bindings:" : "", describe(b)));
            first = false;
        }
        if (first) {
            out.println(String.format("%-10s %s", "Bindings:", "(none)"));
        }
        first = true;
        for (JsonNode w : site.path("workers")) {
            out.println(String.format("%-10s %s", first ? "Workers:" : "", w.asText()));
            first = false;
        }
        if (first) {
            out.println(String.format("%-10s %s", "Workers:", "(none)"));
        }
    }

    static String describe(JsonNode b) {
        int flags = b.path("sslFlags").asInt();
        return b.path("binding").asText() + (flags == 0 ? "" : " sslFlags=" + flags
                + (b.path("sni").asBoolean() ? " (SNI" + (b.path("ccs").asBoolean() ? ", CCS)" : ")") : " (CCS)"));
    }
}
