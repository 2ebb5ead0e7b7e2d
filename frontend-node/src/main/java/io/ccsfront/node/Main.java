package io.ccsfront.node;

import io.ccsfront.node.admin.AdminApi;
import io.ccsfront.node.config.NodeConfig;
import io.ccsfront.node.config.Option;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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

    private final Map<String, String> env;
    private final PrintWriter out;

    Main(Map<String, String> env, PrintWriter out) {
        this.env = Map.copyOf(env);
        this.out = out;
    }

    public static void main(String[] args) {
        int rc = run(args, System.getenv(), System.out, System.err);
        if (rc != 0) {
            System.exit(rc);
        }
    }

    /** Runs one command line; returns the exit code (a started node runs until the JVM is asked to stop). */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cl = new CommandLine(new Main(env, o));
        cl.setOut(o);
        cl.setErr(e);
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, Main::optionTable);
        cl.setExecutionExceptionHandler((x, c, p) -> {
            c.getErr().println("frontend-node: " + (x.getMessage() == null ? x.toString() : x.getMessage()));
            return 1;
        });
        return cl.execute(args);
    }

    /**
     * The footer: every configuration option, its description wrapped in the right-hand column,
     * its default and environment variable. Rendered as a table (never through picocli's format
     * step, which reads a {@code %} in a description as a conversion).
     */
    static String optionTable(CommandLine.Help help) {
        int width = help.commandSpec().usageMessage().width();
        int first = 33;
        CommandLine.Help.TextTable table = CommandLine.Help.TextTable.forColumns(help.colorScheme(),
                new CommandLine.Help.Column(first, 2, CommandLine.Help.Column.Overflow.SPAN),
                new CommandLine.Help.Column(width - first, 1, CommandLine.Help.Column.Overflow.WRAP));
        for (Option o : Option.ALL) {
            table.addRowValues(o.path(), o.description());
            table.addRowValues("", "default: " + (o.defaultValue().isEmpty() ? "(empty)" : o.defaultValue()) + "; env: " + o.envName());
        }
        return table.toString();
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
        NodeConfig config = NodeConfig.load(file, env, overrides);
        // the constructor validates the settings: --print-config refuses exactly what the start refuses
        FrontendNode node = new FrontendNode(config, Clock.systemUTC());
        if (printConfig) {
            config.describe().forEach((k, v) -> out.println(k + " = " + v));
            return 0;
        }
        node.withAdminApi(AdminApi::install).start(FrontendNode::defaultHandler);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "ccsfront-shutdown"));
        stopped.await();
        return 0;
    }
}
