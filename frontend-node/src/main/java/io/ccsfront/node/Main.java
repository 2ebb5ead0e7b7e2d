package io.ccsfront.node;

import io.ccsfront.node.admin.AdminApi;
import io.ccsfront.node.config.NodeConfig;
import io.ccsfront.node.config.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar frontend-node.jar [--config FILE] [--set PATH=VALUE]… [--demo]}. */
@Command(name = "frontend-node", mixinStandardHelpOptions = true, version = "ccsfront 0.1",
        description = "A TLS front-end node: picks the certificate for every handshake the way HTTP.SYS does "
                + "and routes requests to each site's web workers.",
        footerHeading = "%nOptions of the configuration file (YAML, dotted paths nest), each also settable as "
                + "environment variable or with --set:%n")
public final class Main implements Callable<Integer> {

    @CommandLine.Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (default: ./ccsfront.yaml when it exists)")
    Path configFile;

    @CommandLine.Option(names = "--set", paramLabel = "PATH=VALUE", description = "set one option, e.g. --set tls.engine=jdk (repeatable)")
    Map<String, String> sets = new LinkedHashMap<>();

    @CommandLine.Option(names = "--demo", description = "add demo sites with CCS certificates and in-process web workers, and print curl lines to try them")
    boolean demo;

    @CommandLine.Option(names = "--print-config", description = "print every option with its effective value and source, then exit")
    boolean printConfig;

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        cl.getCommandSpec().usageMessage().footer(footer());
        cl.setExecutionExceptionHandler((e, c, p) -> {
            System.err.println("frontend-node: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        int rc = cl.execute(args);
        if (rc != 0) {
            System.exit(rc);
        }
    }

    static String footer() {
        StringBuilder sb = new StringBuilder();
        for (Option o : Option.ALL) {
            sb.append(String.format("  %-30s %s%n  %-30s default: %s; env: %s%n", o.path(), o.description(), "",
                    o.defaultValue().isEmpty() ? "(empty)" : o.defaultValue(), o.envName()));
        }
        return sb.toString();
    }

    @Override
    public Integer call() throws Exception {
        Path file = configFile;
        if (file == null && Files.exists(Path.of("ccsfront.yaml"))) {
            file = Path.of("ccsfront.yaml");
        }
        Map<String, String> overrides = new LinkedHashMap<>(sets);
        if (demo) {
            overrides.put("demo.enabled", "true");
        }
        NodeConfig config = NodeConfig.load(file, System.getenv(), overrides);
        if (printConfig) {
            config.describe().forEach((k, v) -> System.out.println(k + " = " + v));
            return 0;
        }
        FrontendNode node = new FrontendNode(config, Clock.systemUTC()).withAdminApi(AdminApi::install).start(FrontendNode::defaultHandler);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "ccsfront-shutdown"));
        stopped.await();
        return 0;
    }
}
