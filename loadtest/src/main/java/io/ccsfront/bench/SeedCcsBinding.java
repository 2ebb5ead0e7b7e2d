package io.ccsfront.bench;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.store.History;
import io.ccsfront.store.LocalConfigStore;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Benchmark helper: writes the binding {@code ccs=PORT} into a standalone node's data folder
 * ({@code <dataDir>/config}, the format of {@link LocalConfigStore}) before the node starts, so the
 * benchmark runs the unmodified node jar with {@code ccs.folder} and needs neither the admin API
 * nor any benchmark-only option in the node. The node then imports the CCS folder itself at
 * start-up, as in production.
 *
 * <pre>java -cp loadtest/target/benchmarks.jar io.ccsfront.bench.SeedCcsBinding DATA_DIR PORT</pre>
 */
public final class SeedCcsBinding {

    private SeedCcsBinding() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SeedCcsBinding DATA_DIR PORT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        LocalConfigStore.Loaded loaded = LocalConfigStore.open(Path.of(args[0]).resolve("config"), 1000);
        try (LocalConfigStore store = loaded.store()) {
            ConfigSnapshot s = loaded.snapshot();
            if (s.ccsBinding(port) != null) {
                System.out.println("ccs=" + port + " already bound in " + args[0]);
                return;
            }
            ChangeRecord r = new ChangeRecord(s.version() + 1, new ConfigChange.PutBinding(new CcsBinding(port), ConfigChange.Mode.ADD),
                    "handshake-bench", Instant.now());
            store.append(r, History.apply(r, s));
            System.out.println("ccs=" + port + " bound in " + args[0] + " (version " + r.version() + ")");
        }
    }
}
