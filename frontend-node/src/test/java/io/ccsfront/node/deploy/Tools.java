package io.ccsfront.node.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Debian tools the deploy tests drive (kubectl, promtool, prometheus): found on PATH, run
 * with a time bound. A test skips only when its tool is not installed, and says which package
 * provides it; a tool that is installed and fails, fails the test.
 */
final class Tools {

    record Result(int exit, String out, String err) {
        String both() {
            return out + (err.isEmpty() ? "" : "\n[stderr]\n" + err);
        }
    }

    private Tools() {
    }

    static Optional<Path> find(String command) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Skips the calling test unless {@code command} is installed. */
    static Path require(String command, String debianPackage) {
        Optional<Path> p = find(command);
        assumeTrue(p.isPresent(), () -> command + " is not installed (Debian package " + debianPackage
                + "; .ci/run installs it): skipping");
        return p.get();
    }

    /** Runs a command to completion (stdout and stderr kept apart), killing it after {@code timeout}. */
    static Result run(Duration timeout, List<String> command) {
        try {
            Path out = Files.createTempFile("ccsfront-tool", ".out");
            Path err = Files.createTempFile("ccsfront-tool", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", command));
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + String.join(" ", command));
        }
    }
}
