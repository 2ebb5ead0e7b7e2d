package io.ccsfront.cli.rotate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.ApiError;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.CliException;
import io.ccsfront.cli.VersionOption;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ccsctl rotate --from OLD --to NEW [--dry-run] [--force] [--wait SECONDS]}: one atomic change
 * replaces OLD by NEW in every SSL binding and CCS entry; then real handshakes against every
 * cluster member prove that each serves NEW. Exit 0 only when all do.
 */
@Command(name = "rotate", description = "Replace certificate OLD by NEW everywhere it is bound, in one change, then prove by real "
        + "TLS handshakes that every node serves NEW. --dry-run lists what would change and the warnings.")
public final class RotateCommand extends CliCommand {

    @Option(names = "--from", paramLabel = "OLD", description = "thumbprint of the certificate to replace")
    String from;

    @Option(names = "--to", paramLabel = "NEW", description = "thumbprint of the replacement (imported into a store or the CCS first)")
    String to;

    @Parameters(arity = "0..2", paramLabel = "OLD NEW", description = "the same as --from OLD --to NEW (what doctor's advice prints)")
    List<String> positional = new ArrayList<>();

    @Option(names = "--dry-run", description = "only list the affected bindings, CCS entries and sites, and the warnings")
    boolean dryRun;

    @Option(names = "--force", description = "rotate despite warnings (NEW expired, without key, or not covering a hostname OLD covers)")
    boolean force;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "30", description = "how long to retry the proving handshakes (default 30)")
    int waitSeconds;

    @Mixin
    VersionOption version;

    @Override
    public Integer call() throws InterruptedException {
        if (from == null && to == null && positional.size() == 2) {
            from = positional.get(0);
            to = positional.get(1);
        } else if (from == null || to == null || !positional.isEmpty()) {
            throw CliException.usage("rotate needs --from OLD --to NEW (or the two thumbprints OLD NEW)");
        }
        Thumbprint old = parse(from, Thumbprint::parse);
        Thumbprint neu = parse(to, Thumbprint::parse);
        if (waitSeconds < 0) {
            throw CliException.usage("--wait must not be negative: " + waitSeconds);
        }
        ObjectNode body = AdminClient.object().put("from", old.hex()).put("to", neu.hex()).put("dryRun", dryRun).put("force", force);
        JsonNode plan;
        try {
            plan = client().send("POST", "admin/v1/rotate", body, version.get());
        } catch (ApiError e) {
            if (e.code().equals("rotation_warnings") && !json()) {
                printWarnings(err(), e.body());
                throw CliException.failed(e.getMessage() + " (--force to rotate anyway)");
            }
            throw e;
        }
        if (dryRun) {
            if (json()) {
                printJson(plan);
            } else {
                printPlan(plan);
            }
            return 0;
        }
        RotationProof proof = new RotationProof(client().get("admin/v1/cluster").path("members"), plan.path("probes"));
        if (!json()) {
            out().println("rotated " + old + " -> " + neu + " (" + plan.path("toLabel").asText() + ") in configuration version "
                    + plan.path("version").asLong() + ": " + plan.path("bindings").size() + " SSL binding(s), "
                    + plan.path("ccsKeys").size() + " CCS entr(ies), " + plan.path("sites").size() + " site binding(s)");
            out().println("proving with " + proof.checks.size() + " handshake(s), waiting up to " + waitSeconds + " s ...");
            out().flush();
        }
        long t0 = System.nanoTime();
        boolean proven = proof.run(neu.hex(), Duration.ofSeconds(waitSeconds));
        if (json()) {
            ObjectNode o = AdminClient.object();
            o.set("rotation", plan);
            ArrayNode a = o.putArray("proof");
            proof.results.forEach((c, r) -> a.addObject().put("node", c.member()).put("target", c.target())
                    .put("endpoint", c.endpoint().toString()).put("sni", c.sni()).put("thumbprint", r.thumbprint())
                    .put("error", r.error()).put("servesNew", neu.hex().equals(r.thumbprint())));
            o.put("proven", proven);
            printJson(o);
        } else {
            proof.results.forEach((c, r) -> out().println("  " + c.member() + "  " + c.describe() + "  "
                    + (neu.hex().equals(r.thumbprint()) ? "serves NEW " + r.thumbprint() : old.hex().equals(r.thumbprint())
                    ? "still serves OLD " + r.thumbprint() : r.toString())));
            proof.skipped.forEach(s -> out().println("  skipped " + s));
        }
        if (!proven) {
            long bad = proof.results.values().stream().filter(r -> !neu.hex().equals(r.thumbprint())).count();
            throw CliException.failed(proof.checks.isEmpty() ? "rotation committed but nothing could be probed: no node listens on an affected port"
                    : "rotation committed but " + bad + " of " + proof.checks.size() + " handshake(s) do not serve " + neu + " after "
                    + waitSeconds + " s");
        }
        if (!json()) {
            out().printf("all %d handshake(s) on %d node(s) serve %s (%.1f s)%n", proof.checks.size(),
                    proof.checks.stream().map(RotationProof.Check::member).distinct().count(), neu, (System.nanoTime() - t0) / 1e9);
        }
        return 0;
    }

    private void printPlan(JsonNode plan) {
        PrintWriter out = out();
        out.println("rotation " + plan.path("from").asText() + " -> " + plan.path("to").asText() + " (" + plan.path("toLabel").asText()
                + "), dry run at configuration version " + plan.path("version").asLong());
        plan.path("bindings").forEach(b -> out.println("  SSL binding  " + b.path("key").asText() + " (store " + b.path("certstorename").asText() + ")"));
        plan.path("ccsKeys").forEach(k -> out.println("  CCS entry    " + k.asText()));
        plan.path("sites").forEach(s -> out.println("  site         " + s.path("site").asText() + " " + s.path("binding").asText()));
        printWarnings(out, plan);
        if (plan.path("warnings").size() == 0) {
            out.println("no warnings");
        }
    }

    private static void printWarnings(PrintWriter w, JsonNode plan) {
        plan.path("warnings").forEach(x -> w.println("  warning " + x.path("code").asText() + ": " + x.path("message").asText()));
        w.flush();
    }
}
