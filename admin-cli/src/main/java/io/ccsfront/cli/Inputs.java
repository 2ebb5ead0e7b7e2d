package io.ccsfront.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the files a command names; a missing or unreadable file is a usage error naming it. */
public final class Inputs {

    private Inputs() {
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw CliException.usage("file not found: " + file);
        } catch (IOException e) {
            throw CliException.usage("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A password file's content without its line end (one line; spaces inside are kept). */
    public static String password(Path file) {
        String s = new String(bytes(file), StandardCharsets.UTF_8);
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    public static void write(Path file, byte[] content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, content);
        } catch (IOException e) {
            throw CliException.failed("cannot write " + file + ": " + e.getMessage());
        }
    }
}
