package io.ccsfront.store;

import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigSnapshot;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's durable copy of the configuration, in a local folder (docs/STORAGE.md):
 *
 * <ul>
 *   <li>{@code snapshot-<version>.json} — the whole configuration at a version, written to a
 *       temporary file, fsynced, atomically renamed and the folder fsynced;</li>
 *   <li>{@code journal-<version>.log} — the change records after that snapshot, one per line as
 *       {@code <crc32 hex> <json>}, each appended and fsynced before the change is acknowledged.
 *       A torn last line (a crash mid-write) fails its CRC and is dropped on load.</li>
 * </ul>
 *
 * Not thread-safe: one applier thread owns it.
 */
public final class LocalConfigStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalConfigStore.class);
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d+)\\.json");
    private static final Pattern JOURNAL = Pattern.compile("journal-(\\d+)\\.log");

    private final Path dir;
    private final int compactEvery;
    private FileChannel journal;
    private long journalBase;
    private int journalRecords;

    private LocalConfigStore(Path dir, int compactEvery) {
        this.dir = dir;
        this.compactEvery = compactEvery;
    }

    /** What {@link #open} found: the configuration it restored. */
    public record Loaded(LocalConfigStore store, ConfigSnapshot snapshot, int replayed) {
    }

    /**
     * Opens (creating if needed) the store in {@code dir} and restores the latest configuration:
     * the newest readable snapshot plus every intact journal record after it.
     *
     * @param compactEvery write a fresh snapshot after this many journal records
     */
    public static Loaded open(Path dir, int compactEvery) throws IOException {
        Files.createDirectories(dir);
        LocalConfigStore store = new LocalConfigStore(dir, Math.max(1, compactEvery));
        ConfigSnapshot snapshot = ConfigSnapshot.empty();
        for (Long v : versions(dir, SNAPSHOT)) {
            try (InputStream in = Files.newInputStream(dir.resolve("snapshot-" + v + ".json"))) {
                snapshot = ConfigCodec.readSnapshot(in);
                break;
            } catch (CorruptDataException | IOException e) {
                LOG.warn("snapshot-{}.json in {} cannot be read ({}); trying an older one", v, dir, e.getMessage());
            }
        }
        int replayed = 0;
        List<Long> journals = versions(dir, JOURNAL);
        Collections.reverse(journals);
        for (Long base : journals) {
            if (base > snapshot.version()) {
                LOG.warn("journal-{}.log starts after version {}: a gap; ignoring it", base, snapshot.version());
                continue;
            }
            for (ChangeRecord r : readJournal(dir.resolve("journal-" + base + ".log"))) {
                if (r.version() <= snapshot.version()) {
                    continue;
                }
                if (r.version() != snapshot.version() + 1) {
                    LOG.warn("journal-{}.log jumps from version {} to {}; stopping replay", base, snapshot.version(), r.version());
                    break;
                }
                snapshot = History.apply(r, snapshot);
                replayed++;
            }
        }
        store.startJournal(snapshot);
        return new Loaded(store, snapshot, replayed);
    }

    /** Appends one record and fsyncs it; on return the change is durable. */
    public void append(ChangeRecord r, ConfigSnapshot after) throws IOException {
        byte[] json = ConfigCodec.encode(r);
        CRC32 crc = new CRC32();
        crc.update(json);
        byte[] prefix = (String.format("%08x ", crc.getValue())).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buf = ByteBuffer.allocate(prefix.length + json.length + 1);
        buf.put(prefix).put(json).put((byte) '\n').flip();
        while (buf.hasRemaining()) {
            journal.write(buf);
        }
        journal.force(false);
        journalRecords++;
        if (journalRecords >= compactEvery) {
            compact(after);
        }
    }

    /** Writes a snapshot of {@code s} and starts a new journal after it; older files are removed. */
    public void compact(ConfigSnapshot s) throws IOException {
        Path tmp = dir.resolve("snapshot-" + s.version() + ".json.tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE); OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
            ConfigCodec.writeSnapshot(s, new NonClosing(out));
            out.flush();
            ch.force(true);
        }
        Path target = dir.resolve("snapshot-" + s.version() + ".json");
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDir();
        startJournal(s);
        for (Long v : versions(dir, SNAPSHOT)) {
            if (v < s.version()) {
                Files.deleteIfExists(dir.resolve("snapshot-" + v + ".json"));
            }
        }
        for (Long v : versions(dir, JOURNAL)) {
            if (v < s.version()) {
                Files.deleteIfExists(dir.resolve("journal-" + v + ".log"));
            }
        }
    }

    public Path directory() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        if (journal != null) {
            journal.close();
        }
    }

    private void startJournal(ConfigSnapshot s) throws IOException {
        if (journal != null) {
            journal.close();
        }
        journalBase = s.version();
        Path p = dir.resolve("journal-" + journalBase + ".log");
        journal = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        journalRecords = 0;
        syncDir();
    }

    private void syncDir() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            LOG.debug("directory fsync not supported for {}: {}", dir, e.getMessage());
        }
    }

    static List<ChangeRecord> readJournal(Path file) throws IOException {
        List<ChangeRecord> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.length() < 10 || line.charAt(8) != ' ') {
                    LOG.warn("{} line {} is torn or corrupt; ignoring it and what follows", file.getFileName(), n);
                    break;
                }
                byte[] json = line.substring(9).getBytes(StandardCharsets.UTF_8);
                CRC32 crc = new CRC32();
                crc.update(json);
                if (!String.format("%08x", crc.getValue()).equals(line.substring(0, 8))) {
                    LOG.warn("{} line {} fails its CRC (a write cut short); ignoring it and what follows", file.getFileName(), n);
                    break;
                }
                out.add(ConfigCodec.decodeRecord(json));
            }
        }
        return out;
    }

    /** Versions of files matching {@code p}, newest first. */
    private static List<Long> versions(Path dir, Pattern p) throws IOException {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                Matcher m = p.matcher(f.getFileName().toString());
                if (m.matches()) {
                    out.add(Long.parseLong(m.group(1)));
                }
            });
        }
        out.sort(Comparator.reverseOrder());
        return out;
    }

    /** Keeps the JSON generator from closing the channel before it is fsynced. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
