package io.ccsfront.cli.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.binding.IpAddresses;
import io.ccsfront.binding.Ports;
import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.CliCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ccsctl explain --ip IP --port PORT [--sni NAME]}: which certificate that handshake gets, level by level. */
@Command(name = "explain", description = "Explain certificate selection for a handshake to IP:PORT with an optional SNI: "
        + "the certificate chosen and every level's verdict.")
public final class ExplainCommand extends CliCommand {

    @Option(names = "--ip", required = true, paramLabel = "IP", description = "the local address the client connects to")
    String ip;

    @Option(names = "--port", required = true, paramLabel = "PORT")
    String port;

    @Option(names = "--sni", paramLabel = "NAME", description = "the server name the client sends (none when omitted)")
    String sni;

    @Override
    public Integer call() {
        String address = IpAddresses.format(parse(ip, v -> IpAddresses.parse(v, "--ip")));
        int p = parse(port, v -> Ports.parse(v, "--port"));
        JsonNode r = client().get("admin/v1/explain?ip=" + AdminClient.q(address) + "&port=" + p
                + (sni == null ? "" : "&sni=" + AdminClient.q(sni)));
        if (json()) {
            printJson(r);
        } else {
            out().print(r.path("text").asText());
            out().flush();
        }
        return 0;
    }
}
