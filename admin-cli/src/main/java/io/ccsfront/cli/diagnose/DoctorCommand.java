package io.ccsfront.cli.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccsfront.cli.CliCommand;
import io.ccsfront.cli.CliException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ccsctl doctor [--expiring-within DAYS]}: exit code 3 when any finding is an ERROR. */
@Command(name = "doctor", description = "Examine the configuration: binding conflicts, name mismatches, expiring or unusable "
        + "certificates, a self-signed default serving real names, shadowed bindings. Exit code 3 when any ERROR is found.")
public final class DoctorCommand extends CliCommand {

    @Option(names = "--expiring-within", paramLabel = "DAYS", defaultValue = "30", description = "warn about certificates expiring within DAYS days (default 30)")
    int days;

    @Override
    public Integer call() {
        if (days < 0) {
            throw CliException.usage("--expiring-within must not be negative: " + days);
        }
        JsonNode r = client().get("admin/v1/doctor?expiringWithin=" + days);
        int errors = r.path("errors").asInt();
        if (json()) {
            printJson(r);
        } else {
            for (JsonNode f : r.path("findings")) {
                out().println(f.path("text").asText());
            }
            out().println(r.path("findings").size() == 0 ? "no findings (configuration version " + r.path("version").asLong() + ")"
                    : errors + " error(s), " + r.path("warnings").asInt() + " warning(s), " + r.path("infos").asInt()
                    + " info(s) (configuration version " + r.path("version").asLong() + ")");
        }
        return errors > 0 ? 3 : 0;
    }
}
