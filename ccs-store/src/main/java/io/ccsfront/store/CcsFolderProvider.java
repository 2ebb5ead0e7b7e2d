package io.ccsfront.store;

import io.ccsfront.cert.CertificateImporter;
import io.ccsfront.cert.CertificateProblem;
import io.ccsfront.cert.ImportedCertificate;
import io.ccsfront.cert.KeyProtector;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.name.CcsKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The IIS Central Certificate Store file provider: one folder of {@code <key>.pfx} files that
 * share one password ({@code www.contoso.com.pfx}, {@code _.contoso.com.pfx} for
 * {@code *.contoso.com}), plus, as an extension, {@code <key>.crt} + {@code <key>.key} PEM pairs.
 *
 * <p>{@link #scan} compares the folder with the configuration and returns the changes that make
 * the CCS match it: files added or replaced become {@code PutCcs}, files removed while the
 * provider runs become {@code DeleteCcs} (only for entries this provider put, so entries added
 * through the admin API are never deleted by it). Polling, not inotify: CCS folders usually sit on
 * network shares. A file that cannot be read yet (still being copied, wrong password) is reported
 * and retried on the next scan; it never removes what is being served.
 *
 * <p>Not thread-safe: call {@link #scan} from one thread.
 */
public final class CcsFolderProvider {

    private final Path dir;
    private final char[] password;
    private final KeyProtector protector;
    private final Map<String, Seen> seen = new HashMap<>();

    /** Outcome of a scan: the changes to commit (empty when in sync) and one line per unreadable file. */
    public record Scan(List<ConfigChange> changes, List<String> problems) {
    }

    private record Seen(String fingerprint, StoredCertificate certificate) {
    }

    public CcsFolderProvider(Path dir, char[] password, KeyProtector protector) {
        this.dir = dir;
        this.password = password == null ? new char[0] : password.clone();
        this.protector = protector;
    }

    public Path directory() {
        return dir;
    }

    public Scan scan(ConfigSnapshot current) throws IOException {
        Map<String, List<Path>> byKey = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                String name = f.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                String base;
                if (lower.endsWith(".pfx") || lower.endsWith(".p12")) {
                    base = name.substring(0, name.length() - 4);
                } else if (lower.endsWith(".crt") || lower.endsWith(".key")) {
                    base = name.substring(0, name.length() - 4);
                } else {
                    return;
                }
                try {
                    byKey.computeIfAbsent(CcsKeys.normalize(base), k -> new ArrayList<>()).add(f);
                } catch (IllegalArgumentException e) {
                    problems.add(name + ": file name is not a CCS key (" + e.getMessage() + ")");
                }
            });
        }
        // read and parse in parallel (parsing and the key check dominate large imports), then decide in key order
        record Outcome(String key, Seen seen, String problem) {
        }
        List<Outcome> outcomes = byKey.entrySet().parallelStream().map(e -> {
            try {
                Seen s = read(e.getKey(), e.getValue());
                return s == null ? new Outcome(e.getKey(), null, "a .crt needs its .key (and the other way round)")
                        : new Outcome(e.getKey(), s, null);
            } catch (CertificateProblem | IOException ex) {
                return new Outcome(e.getKey(), null, ex.getMessage());
            } catch (UncheckedIOException ex) {
                return new Outcome(e.getKey(), null, ex.getCause().getMessage());
            }
        }).toList();
        List<ConfigChange> changes = new ArrayList<>();
        Map<String, Seen> now = new HashMap<>();
        for (Outcome o : outcomes) {
            String key = o.key();
            if (o.seen() == null) {
                problems.add(key + ": " + o.problem());
                keepPrevious(key, now);
                continue;
            }
            now.put(key, o.seen());
            StoredCertificate served = current.ccs(key);
            if (served == null || !served.thumbprint().equals(o.seen().certificate().thumbprint()) || !served.hasPrivateKey()) {
                changes.add(new ConfigChange.PutCcs(key, o.seen().certificate()));
            }
        }
        for (Map.Entry<String, Seen> old : seen.entrySet()) {
            if (!now.containsKey(old.getKey()) && !byKey.containsKey(old.getKey())) {
                StoredCertificate served = current.ccs(old.getKey());
                if (served != null && served.thumbprint().equals(old.getValue().certificate().thumbprint())) {
                    changes.add(new ConfigChange.DeleteCcs(old.getKey()));
                }
            }
        }
        seen.clear();
        seen.putAll(now);
        return new Scan(changes, problems);
    }

    private void keepPrevious(String key, Map<String, Seen> now) {
        Seen prev = seen.get(key);
        if (prev != null) {
            now.put(key, prev);
        }
    }

    private Seen read(String key, List<Path> files) throws IOException {
        Path pfx = null;
        Path crt = null;
        Path keyFile = null;
        for (Path f : files) {
            String lower = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".pfx") || lower.endsWith(".p12")) {
                pfx = f;
            } else if (lower.endsWith(".crt")) {
                crt = f;
            } else {
                keyFile = f;
            }
        }
        String fingerprint;
        if (pfx != null) {
            fingerprint = fingerprint(pfx);
        } else if (crt != null && keyFile != null) {
            fingerprint = fingerprint(crt) + "|" + fingerprint(keyFile);
        } else {
            return null;
        }
        Seen prev = seen.get(key);
        if (prev != null && prev.fingerprint().equals(fingerprint)) {
            return prev;
        }
        ImportedCertificate imported = pfx != null
                ? CertificateImporter.read(Files.readAllBytes(pfx), password, pfx.getFileName().toString())
                : CertificateImporter.readPair(Files.readAllBytes(crt), Files.readAllBytes(keyFile), password, key);
        if (!imported.hasPrivateKey()) {
            throw new CertificateProblem("no private key in the file; the CCS needs one to serve TLS");
        }
        return new Seen(fingerprint, imported.toStored(protector));
    }

    private static String fingerprint(Path f) throws IOException {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        return a.size() + "@" + a.lastModifiedTime().toMillis();
    }
}
