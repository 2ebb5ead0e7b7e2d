package io.ccsfront.node.admin;

import io.ccsfront.cert.Thumbprint;
import io.ccsfront.config.ChangeRecord;
import io.ccsfront.node.state.AppliedChange;
import io.ccsfront.node.state.AppliedChanges;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <dataDir>/audit.log}: one JSON line per committed configuration change, appended and
 * fsynced before the commit returns — {@code time}, {@code node} (the node that wrote the line),
 * {@code actor}, {@code version}, {@code type}, {@code change} (its one-line description) and,
 * where certificates are replaced, {@code oldThumbprints} and {@code newThumbprints}. It consumes
 * the node's applied changes ({@link AppliedChanges}), so changes committed on other cluster
 * members are audited here too. PFX exports are recorded as {@code "type": "export"}. Never key
 * material.
 */
final class AuditLog implements Consumer<AppliedChange> {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final Path file;
    private final String node;
    private final FileChannel channel;

    private AuditLog(Path file, String node, FileChannel channel) {
        this.file = file;
        this.node = node;
        this.channel = channel;
    }

    static AuditLog open(Path file, String node) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new AuditLog(file, node, ch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends the change's line; a whole-configuration replacement (a cluster checkpoint) has no record of its own to audit. */
    @Override
    public void accept(AppliedChange change) {
        ChangeRecord record = change.record();
        if (record == null) {
            return;
        }
        Set<Thumbprint> olds = change.replaced();
        Set<Thumbprint> news = change.added();
        JsonObject line = new JsonObject()
                .put("time", record.committedAt().toString())
                .put("node", node)
                .put("actor", record.actor())
                .put("version", record.version())
                .put("type", Replacements.type(record.change()))
                .put("change", record.change().describe());
        if (!olds.isEmpty() || !news.isEmpty()) {
            line.put("oldThumbprints", hex(olds)).put("newThumbprints", hex(news));
        }
        append(line);
    }

    /** Records that {@code actor} exported {@code thumbprint} as a PFX (the key left the cluster). */
    void export(Thumbprint thumbprint, String actor, long version, Instant time) {
        append(new JsonObject().put("time", time.toString()).put("node", node).put("actor", actor).put("version", version)
                .put("type", "export").put("change", "export certificate " + thumbprint + " with its private key as PFX")
                .put("thumbprint", thumbprint.hex()));
    }

    private synchronized void append(JsonObject line) {
        byte[] bytes = (line.encode() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                channel.write(b);
            }
            channel.force(true);
        } catch (IOException e) {
            LOG.error("audit log {} cannot be written: {} (entry: {})", file, e.getMessage(), line.encode());
        }
    }

    /** The last {@code limit} entries, oldest first (read backwards from the end of the file). */
    synchronized List<JsonObject> tail(int limit) {
        Deque<String> lines = new ArrayDeque<>();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long pos = f.length();
            byte[] buf = new byte[8192];
            ByteArrayOutputStream reversed = new ByteArrayOutputStream();
            while (pos > 0 && lines.size() < limit) {
                int n = (int) Math.min(buf.length, pos);
                pos -= n;
                f.seek(pos);
                f.readFully(buf, 0, n);
                for (int i = n - 1; i >= 0 && lines.size() < limit; i--) {
                    if (buf[i] == '\n') {
                        endLine(reversed, lines);
                    } else {
                        reversed.write(buf[i]);
                    }
                }
            }
            if (lines.size() < limit) {
                endLine(reversed, lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file + ": " + e.getMessage(), e);
        }
        List<JsonObject> out = new ArrayList<>();
        for (String l : lines) {
            try {
                out.add(new JsonObject(l));
            } catch (RuntimeException e) {
                out.add(new JsonObject().put("unreadable", l.length() > 200 ? l.substring(0, 200) : l));
            }
        }
        return out;
    }

    /** Ends the line collected backwards in {@code reversed}, putting it first in {@code lines}. */
    private static void endLine(ByteArrayOutputStream reversed, Deque<String> lines) {
        byte[] r = reversed.toByteArray();
        reversed.reset();
        if (r.length == 0) {
            return;
        }
        byte[] forward = new byte[r.length];
        for (int i = 0; i < r.length; i++) {
            forward[i] = r[r.length - 1 - i];
        }
        lines.addFirst(new String(forward, StandardCharsets.UTF_8));
    }

    private static JsonArray hex(Set<Thumbprint> set) {
        JsonArray a = new JsonArray();
        set.forEach(t -> a.add(t.hex()));
        return a;
    }
}
