package io.ccsfront.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.CliException;
import io.ccsfront.cli.Table;
import io.ccsfront.cli.rotate.HandshakeProbe;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ccsctl cluster status}: every member, its configuration version, its certificate cache
 * statistics, and a TLS handshake against its first HTTPS endpoint (ok/failed and latency). Exit
 * code 1 when a member cannot be reached or its handshake fails.
 */
@Command(name = "status", description = "Members, configuration versions, cache statistics and a handshake probe per member.")
public final class ClusterStatus extends CliCommand {

    @Option(names = "--sni", paramLabel = "NAME", description = "server name for the handshake probes (default: none)")
    String sni;

    @Override
    public Integer call() {
        JsonNode r = client().get("admin/v1/cluster");
        Table t = new Table("MEMBER", "", "CONFIG VERSION", "ADMIN", "CACHE", "HANDSHAKE");
        int bad = 0;
        for (JsonNode m : r.path("members")) {
            HandshakeProbe.Result h = null;
            String endpoint = m.path("httpsEndpoints").size() == 0 ? null : m.path("httpsEndpoints").get(0).asText();
            HandshakeProbe.Endpoint e = endpoint == null ? null : HandshakeProbe.endpoint(endpoint);
            if (e != null) {
                h = HandshakeProbe.handshake(e.host(), e.port(), sni, Duration.ofSeconds(5));
            }
            boolean reachable = m.path("reachable").asBoolean();
            if (!reachable || h == null || !h.ok()) {
                bad++;
            }
            if (m instanceof ObjectNode o) {
                o.putObject("handshake").put("endpoint", endpoint).put("ok", h != null && h.ok())
                        .put("thumbprint", h == null ? null : h.thumbprint()).put("error", h == null ? "no HTTPS endpoint" : h.error())
                        .put("millis", h == null ? 0 : h.millis());
            }
            JsonNode cache = m.path("node").path("cache");
            t.row(m.path("name").asText(), m.path("self").asBoolean() ? "*" : "", m.path("configVersion").asLong(),
                    reachable ? "ok" : "unreachable: " + m.path("error").asText(),
                    cache.isMissingNode() ? "-" : String.format("%d cached, hit rate %.1f%%, %d builds", cache.path("size").asLong(),
                            cache.path("hitRate").asDouble() * 100, cache.path("builds").asLong()),
                    h == null ? "no HTTPS endpoint" : h.ok() ? "ok " + h.millis() + " ms " + endpoint : "failed " + endpoint + ": " + h.error());
        }
        if (json()) {
            printJson(r);
        } else {
            t.print(out());
        }
        if (bad > 0) {
            throw CliException.failed(bad + " of " + r.path("members").size() + " member(s) unreachable or failing the handshake probe");
        }
        return 0;
    }
}
