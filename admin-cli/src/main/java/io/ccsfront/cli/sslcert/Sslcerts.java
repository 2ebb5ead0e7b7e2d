package io.ccsfront.cli.sslcert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ccsfront.binding.BindingKey;
import io.ccsfront.binding.NetshCodec;
import io.ccsfront.binding.SslBinding;
import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.CliException;
import java.util.ArrayList;
import java.util.List;

/**
 * The sslcert verbs, shared by {@code ccsctl sslcert add|update|show|delete} and the netsh-shaped
 * {@code ccsctl http add|update|show|delete sslcert}. The netsh key=value words are taken verbatim
 * (a leading {@code netsh}, {@code http}, {@code add}/{@code show}/… and {@code sslcert} is dropped),
 * checked here with the same codec the node uses, then sent as fields.
 */
final class Sslcerts {

    private Sslcerts() {
    }

    /** {@code add} (netsh add) or {@code update} (netsh update). */
    static int put(CliCommand c, List<String> words, Long expected, boolean update) {
        List<String> w = strip(words, update ? "update" : "add");
        SslBinding b = CliCommand.parse(String.join(" ", w), NetshCodec::parseAdd);
        ObjectNode body = AdminClient.object();
        NetshCodec.keyValues(w).forEach(body::put);
        JsonNode r = update
                ? c.client().send("PUT", path(b.key()), body, expected)
                : c.client().send("POST", "admin/v1/sslcerts", body, expected);
        if (c.json()) {
            c.printJson(r);
        } else {
            c.out().println("SSL Certificate successfully " + (update ? "updated" : "added") + ": " + b.key()
                    + " (configuration version " + r.path("version").asLong() + ")");
        }
        return 0;
    }

    /** All bindings, or the one a key word names, in the {@code netsh http show sslcert} layout. */
    static int show(CliCommand c, List<String> words) {
        List<String> w = strip(words, "show");
        if (w.size() > 1) {
            throw CliException.usage("sslcert show takes at most one of ipport=…, hostnameport=…, ccs=…: " + String.join(" ", w));
        }
        List<JsonNode> bindings = new ArrayList<>();
        JsonNode r;
        if (w.isEmpty()) {
            r = c.client().get("admin/v1/sslcerts");
            r.path("bindings").forEach(bindings::add);
        } else {
            BindingKey key = CliCommand.parse(w.get(0), BindingKey::parse);
            r = c.client().get(path(key));
            bindings.add(r.path("binding"));
        }
        if (c.json()) {
            c.printJson(r);
            return 0;
        }
        List<SslBinding> parsed = new ArrayList<>();
        for (JsonNode b : bindings) {
            parsed.add(NetshCodec.parseAdd(b.path("netsh").asText()));
        }
        c.out().print(NetshCodec.show(parsed));
        c.out().println();
        c.out().flush();
        return 0;
    }

    static int delete(CliCommand c, List<String> words, boolean force, Long expected) {
        List<String> w = strip(words, "delete");
        if (w.size() != 1) {
            throw CliException.usage("sslcert delete takes exactly one of ipport=IP:PORT, hostnameport=HOST:PORT, ccs=PORT, got: "
                    + (w.isEmpty() ? "none" : String.join(" ", w)));
        }
        BindingKey key = CliCommand.parse(w.get(0), BindingKey::parse);
        JsonNode r = c.client().send("DELETE", path(key) + (force ? "?force=true" : ""), null, expected);
        if (c.json()) {
            c.printJson(r);
        } else {
            c.out().println("SSL Certificate successfully deleted: " + key + " (configuration version " + r.path("version").asLong() + ")");
            if (r.path("brokenSites").size() > 0) {
                c.err().println("warning: forced; these site bindings lost their certificate: " + CliCommand.joined(r.path("brokenSites")));
            }
        }
        return 0;
    }

    static String path(BindingKey key) {
        return "admin/v1/sslcerts/" + key.kind().netsh() + "/" + AdminClient.seg(key.value());
    }

    /** Drops a leading {@code netsh}, {@code http}, the verb and {@code sslcert}, as netsh reads its command line. */
    static List<String> strip(List<String> words, String verb) {
        List<String> w = new ArrayList<>(words);
        for (String prefix : new String[] {"netsh", "http", verb, "sslcert"}) {
            if (!w.isEmpty() && w.get(0).equalsIgnoreCase(prefix)) {
                w.remove(0);
            }
        }
        return w;
    }
}
