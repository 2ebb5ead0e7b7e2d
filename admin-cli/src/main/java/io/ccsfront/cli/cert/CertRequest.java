package io.ccsfront.cli.cert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ccsfront.cert.CsrSubject;
import io.ccsfront.cert.KeySpec;
import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.CliException;
import io.ccsfront.cli.Inputs;
import io.ccsfront.cli.VersionOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ccsctl cert request --cn NAME [--o --ou --l --st --c] [--san NAME…] [--key SPEC] --out F.csr};
 * {@code cert request list} and {@code cert request delete ID} manage the pending requests.
 */
@Command(name = "request", description = {"Create a certificate request (IIS \"Create Certificate Request\"): writes the CSR "
        + "to send to the CA; the private key stays in the cluster, sealed, until \"cert complete\".",
    "The pending requests: cert request list, cert request delete ID."},
        subcommands = {CertRequestList.class, CertRequestDelete.class})
public final class CertRequest extends CliCommand {

    @Option(names = "--cn", paramLabel = "NAME", description = "common name, e.g. www.contoso.com (required)")
    String cn;
    @Option(names = "--o", paramLabel = "ORG", description = "organization")
    String o;
    @Option(names = "--ou", paramLabel = "UNIT", description = "organizational unit")
    String ou;
    @Option(names = "--l", paramLabel = "CITY", description = "city / locality")
    String l;
    @Option(names = "--st", paramLabel = "STATE", description = "state / province")
    String st;
    @Option(names = "--c", paramLabel = "CC", description = "two-letter country code")
    String c;
    @Option(names = "--san", arity = "1..*", paramLabel = "NAME", description = "subject alternative names (DNS names, *.wildcards, IPs)")
    List<String> sans = new ArrayList<>();
    @Option(names = "--key", defaultValue = "rsa:2048", paramLabel = "SPEC", description = "rsa:2048 (default), rsa:3072, rsa:4096, ec:p256 or ec:p384")
    String key;
    @Option(names = "--out", paramLabel = "FILE.csr", description = "where to write the CSR (PEM; required)")
    Path outFile;

    @Mixin
    VersionOption version;

    @Override
    public Integer call() {
        if (cn == null || outFile == null) {
            throw CliException.usage("cert request needs " + (cn == null ? "--cn NAME" : "") + (cn == null && outFile == null ? " and " : "")
                    + (outFile == null ? "--out FILE.csr" : "") + " (or a sub-command: cert request list, cert request delete ID)");
        }
        parse(cn, x -> new CsrSubject(x, o, ou, l, st, c));
        KeySpec spec = parse(key, KeySpec::parse);
        ObjectNode body = AdminClient.object().put("cn", cn).put("key", spec.text());
        putIf(body, "o", o);
        putIf(body, "ou", ou);
        putIf(body, "l", l);
        putIf(body, "st", st);
        putIf(body, "c", c);
        ArrayNode a = body.putArray("sans");
        sans.forEach(a::add);
        JsonNode r = client().send("POST", "admin/v1/certificate-requests", body, version.get());
        Inputs.write(outFile, r.path("csr").asText().getBytes(StandardCharsets.US_ASCII));
        if (json()) {
            printJson(r);
        } else {
            out().println("certificate request " + r.path("id").asText() + " for " + r.path("subject").asText() + " written to " + outFile
                    + "; send it to the CA, then: ccsctl cert complete <issued certificate file>");
        }
        return 0;
    }

    private static void putIf(ObjectNode o, String k, String v) {
        if (v != null) {
            o.put(k, v);
        }
    }
}
