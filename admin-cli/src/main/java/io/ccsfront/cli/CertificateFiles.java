package io.ccsfront.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The certificate inputs every import verb takes ({@code cert import}, {@code ccs put}): a PFX, or
 * a PEM/DER certificate with {@code --key-file}, and {@code --password-file} for the PFX or an
 * encrypted key. Builds the upload's fields and parts the admin API reads.
 */
public final class CertificateFiles {

    @Option(names = "--password-file", paramLabel = "FILE", description = "file holding the PFX or key password")
    Path passwordFile;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "the private key (PEM or DER), when the certificate file holds only the certificate (a .crt + .key pair)")
    Path keyFile;

    /** The form fields: the password, when a password file was given. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        if (passwordFile != null) {
            fields.put("password", Inputs.password(passwordFile));
        }
        return fields;
    }

    /** The file parts: {@code file}, and {@code key} when a key file was given. */
    public Map<String, AdminClient.FilePart> parts(Path file) {
        Map<String, AdminClient.FilePart> files = new LinkedHashMap<>();
        files.put("file", new AdminClient.FilePart(file.getFileName().toString(), Inputs.bytes(file)));
        if (keyFile != null) {
            files.put("key", new AdminClient.FilePart(keyFile.getFileName().toString(), Inputs.bytes(keyFile)));
        }
        return files;
    }
}
