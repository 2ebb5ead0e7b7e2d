package io.ccsfront.cli.main;

import io.ccsfront.cli.AdminClient;
import io.ccsfront.cli.ApiError;
import io.ccsfront.cli.CliException;
import io.ccsfront.cli.CompletionCommand;
import io.ccsfront.cli.Connection;
import io.ccsfront.cli.HelpCommand;
import io.ccsfront.cli.ccs.CcsCommand;
import io.ccsfront.cli.cert.CertCommand;
import io.ccsfront.cli.cluster.ClusterCommand;
import io.ccsfront.cli.diagnose.DoctorCommand;
import io.ccsfront.cli.diagnose.ExplainCommand;
import io.ccsfront.cli.rotate.RotateCommand;
import io.ccsfront.cli.site.SiteCommand;
import io.ccsfront.cli.sslcert.HttpCommand;
import io.ccsfront.cli.sslcert.SslcertCommand;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code ccsctl}: the admin CLI over a node's admin API. Exit codes: 0 ok, 1 the operation failed,
 * 2 usage error, 3 doctor found an ERROR. Failures print one line; {@code --verbose} adds the
 * stack trace.
 */
@Command(name = "ccsctl", mixinStandardHelpOptions = true, versionProvider = Ccsctl.Version.class,
        description = "Administers a ccsfront cluster through a node's admin API: certificates, SSL bindings, "
                + "the Central Certificate Store, sites, explain, doctor, rotate, cluster status.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {CertCommand.class, SslcertCommand.class, HttpCommand.class, CcsCommand.class, SiteCommand.class,
            ExplainCommand.class, DoctorCommand.class, RotateCommand.class, ClusterCommand.class, HelpCommand.class,
            CompletionCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 operation failed, 2 usage error, 3 doctor found an ERROR."})
public final class Ccsctl implements Runnable, Connection {

    static final String DEFAULT_SERVER = "http://127.0.0.1:9090";

    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "admin API base URL (env CCSCTL_SERVER; default " + DEFAULT_SERVER + ")")
    String server;

    @Option(names = "--token-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "file holding the admin token (env CCSCTL_TOKEN_FILE, or the token itself in CCSCTL_TOKEN; "
                    + "default ./data/admin.token when it exists)")
    Path tokenFile;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "print the API's JSON instead of text")
    boolean json;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "print stack traces of failures")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;
    private AdminClient client;

    public Ccsctl(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static void main(String[] args) {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        }
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs one command line; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Ccsctl root = new Ccsctl(env);
        CommandLine cl = commandLine(root);
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("ccsctl: " + e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        cl.setExecutionExceptionHandler((e, c, p) -> {
            int code = 1;
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (e instanceof CliException x) {
                code = x.exitCode();
            } else if (e instanceof ApiError x) {
                code = x.exitCode();
                message = x.getMessage() + " [" + x.status() + " " + x.code() + "]";
            } else if (e instanceof IllegalArgumentException) {
                code = 2;
            }
            c.getErr().println("ccsctl: " + message.lines().findFirst().orElse(message));
            if (root.verbose) {
                e.printStackTrace(c.getErr());
            }
            return code;
        });
        return cl.execute(args);
    }

    /**
     * The command tree of {@code root}: every command and sub-command answers {@code -h/--help}
     * (the root also {@code -V/--version}), whatever else it requires.
     */
    public static CommandLine commandLine(Ccsctl root) {
        CommandLine cl = new CommandLine(root);
        addHelpOption(cl);
        return cl;
    }

    private static void addHelpOption(CommandLine parent) {
        for (CommandLine sub : parent.getSubcommands().values()) {
            if (sub.getCommandSpec().optionsMap().get("--help") == null) {
                sub.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            addHelpOption(sub);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (see ccsctl --help)");
    }

    /** The client for the chosen server and token. */
    @Override
    public AdminClient client() {
        if (client == null) {
            String url = server != null ? server : env.getOrDefault("CCSCTL_SERVER", DEFAULT_SERVER);
            URI uri;
            try {
                uri = URI.create(url.endsWith("/") ? url : url + "/");
                if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw CliException.usage("--server must be an http(s)://host:port URL: " + url);
            }
            client = new AdminClient(uri, token());
        }
        return client;
    }

    @Override
    public boolean json() {
        return json;
    }

    public Map<String, String> env() {
        return env;
    }

    private String token() {
        Path file = tokenFile;
        if (file == null && env.get("CCSCTL_TOKEN_FILE") != null) {
            file = Path.of(env.get("CCSCTL_TOKEN_FILE"));
        }
        if (file == null && env.get("CCSCTL_TOKEN") != null && !env.get("CCSCTL_TOKEN").isBlank()) {
            return env.get("CCSCTL_TOKEN").strip();
        }
        if (file == null && Files.isRegularFile(Path.of("data", "admin.token"))) {
            file = Path.of("data", "admin.token");
        }
        if (file == null) {
            return null;
        }
        try {
            String t = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (t.isEmpty()) {
                throw CliException.usage("token file is empty: " + file);
            }
            return t;
        } catch (IOException e) {
            throw CliException.usage("cannot read token file " + file + ": " + e.getMessage());
        }
    }

    /** The version ccsctl prints. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Ccsctl.class.getPackage().getImplementationVersion();
            return new String[] {"ccsctl " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
