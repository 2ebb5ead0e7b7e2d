package io.ccsfront.cli;

import io.ccsfront.cert.PfxExporter;
import io.ccsfront.cli.main.Ccsctl;
import io.ccsfront.node.FrontendNode;
import io.ccsfront.node.admin.AdminApi;
import io.ccsfront.node.config.NodeConfig;
import io.ccsfront.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real node with the admin API (in this JVM, on free ports, JDK TLS engine) and ccsctl run
 * against it in-process: {@link #run} returns the exit code and what was printed.
 */
final class CliNode implements AutoCloseable {

    static final String TOKEN = "cli-test-token-0123456789abcdef";

    final FrontendNode node;
    final int httpsPort;
    final Path dir;
    final Path tokenFile;

    private CliNode(FrontendNode node, int httpsPort, Path dir, Path tokenFile) {
        this.node = node;
        this.httpsPort = httpsPort;
        this.dir = dir;
        this.tokenFile = tokenFile;
    }

    static CliNode start(Path dir, Map<String, String> extra) {
        try {
            Files.createDirectories(dir);
            Path tokenFile = dir.resolve("token");
            Files.writeString(tokenFile, TOKEN + "\n");
            int port = freePort();
            Map<String, String> m = new HashMap<>();
            m.put("node.name", "node-a");
            m.put("node.dataDir", dir.resolve("data").toString());
            m.put("listeners.https", "0.0.0.0:" + port);
            m.put("listeners.http", "");
            m.put("admin.port", "0");
            m.put("admin.token", TOKEN);
            m.put("cluster.enabled", "false");
            m.put("tls.defaultCertificate", "false");
            m.put("tls.engine", "jdk");
            m.putAll(extra);
            FrontendNode n = new FrontendNode(NodeConfig.defaults().with(m), Clock.systemUTC())
                    .withAdminApi(AdminApi::install).start(x -> req -> req.response().end("ok"));
            return new CliNode(n, port, dir, tokenFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String server() {
        return "http://127.0.0.1:" + node.adminPort();
    }

    long version() {
        return node.configService().current().version();
    }

    /** Runs {@code ccsctl --server URL --token-file F ARGS…}. */
    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--server", server(), "--token-file", tokenFile.toString()));
        all.addAll(List.of(args));
        return runRaw(all.toArray(String[]::new));
    }

    /** Runs ccsctl with exactly these arguments and no environment. */
    static Result runRaw(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Ccsctl.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Writes {@code c} as a PFX protected by {@code password}, and the password file next to it; returns the PFX path. */
    Path pfx(TestPki.Issued c, String name, String password) {
        try {
            Path f = dir.resolve(name + ".pfx");
            Files.write(f, PfxExporter.export(c.chain(), c.key(), password.toCharArray()));
            Files.writeString(dir.resolve(name + ".pw"), password + "\n");
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code c} as {@code name.crt} (PEM chain, leaf first) and {@code name.key} (PKCS#8 PEM); returns the .crt path. */
    Path pemPair(TestPki.Issued c, String name) {
        try {
            StringBuilder chain = new StringBuilder();
            for (java.security.cert.X509Certificate x : c.chain()) {
                chain.append(pem("CERTIFICATE", x.getEncoded()));
            }
            Path crt = dir.resolve(name + ".crt");
            Files.writeString(crt, chain);
            Files.writeString(dir.resolve(name + ".key"), pem("PRIVATE KEY", c.key().getEncoded()));
            return crt;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    Path passwordFile(String name) {
        return dir.resolve(name + ".pw");
    }

    /** Imports a fresh certificate for {@code names} with ccsctl; returns its thumbprint. */
    String importCert(String file, String... names) {
        Path pfx = pfx(TestPki.get().leaf(names), file, "pw-" + file);
        Result r = run("cert", "import", pfx.toString(), "--password-file", passwordFile(file).toString());
        if (r.code() != 0) {
            throw new AssertionError("import failed: " + r);
        }
        return r.out().strip();
    }

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        node.close();
    }
}
