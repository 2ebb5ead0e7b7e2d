package io.ccsfront.node.cluster;

import com.hazelcast.map.IMap;
import io.ccsfront.cert.KeyProtector;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.store.ConfigCodec;
import io.ccsfront.store.CorruptDataException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Whole-configuration checkpoints in the cluster, for nodes that join late or rejoin after the
 * journal moved past them: the snapshot JSON (keys sealed), gzip'd, in 1 MiB chunks
 * ({@code v<version>-<i>}), described by an authenticated {@code meta} entry written last.
 */
final class Checkpoints {

    private static final int CHUNK = 1 << 20;
    private static final String PURPOSE = "checkpoint";
    private final IMap<String, byte[]> map;
    private final KeyProtector protector;

    Checkpoints(IMap<String, byte[]> map, KeyProtector protector) {
        this.map = map;
        this.protector = protector;
    }

    /** The checkpoint's version, or -1 when there is none. */
    long version() {
        byte[] meta = map.get("meta");
        return meta == null ? -1 : ByteBuffer.wrap(meta).getLong(0);
    }

    void write(ConfigSnapshot s) {
        byte[] data;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
                ConfigCodec.writeSnapshot(s, gz);
            }
            data = bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long old = version();
        int chunks = (data.length + CHUNK - 1) / CHUNK;
        for (int i = 0; i < chunks; i++) {
            map.set("v" + s.version() + "-" + i, Arrays.copyOfRange(data, i * CHUNK, Math.min(data.length, (i + 1) * CHUNK)));
        }
        byte[] digest = sha256(data);
        byte[] id = protector.currentKeyId().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer meta = ByteBuffer.allocate(8 + 4 + 32 + 1 + id.length + 32);
        meta.putLong(s.version()).putInt(chunks).put(digest).put((byte) id.length).put(id);
        byte[] unsigned = Arrays.copyOf(meta.array(), meta.position());
        meta.put(protector.mac(protector.currentKeyId(), PURPOSE, unsigned));
        map.set("meta", meta.array());
        if (old >= 0 && old != s.version()) {
            for (String k : map.keySet()) {
                if (k.startsWith("v" + old + "-")) {
                    map.delete(k);
                }
            }
        }
    }

    /** The checkpointed configuration, or null when there is none. */
    ConfigSnapshot read() {
        byte[] meta = map.get("meta");
        if (meta == null) {
            return null;
        }
        ByteBuffer m = ByteBuffer.wrap(meta);
        long version = m.getLong();
        int chunks = m.getInt();
        byte[] digest = new byte[32];
        m.get(digest);
        byte[] id = new byte[m.get()];
        m.get(id);
        byte[] unsigned = Arrays.copyOf(meta, m.position());
        byte[] mac = new byte[32];
        m.get(mac);
        byte[] expected = protector.mac(new String(id, StandardCharsets.US_ASCII), PURPOSE, unsigned);
        if (expected == null || !MessageDigest.isEqual(expected, mac)) {
            throw new CorruptDataException("cluster checkpoint " + version + " fails its HMAC");
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < chunks; i++) {
            byte[] c = map.get("v" + version + "-" + i);
            if (c == null) {
                throw new CorruptDataException("cluster checkpoint " + version + " misses chunk " + i);
            }
            all.writeBytes(c);
        }
        byte[] data = all.toByteArray();
        if (!MessageDigest.isEqual(digest, sha256(data))) {
            throw new CorruptDataException("cluster checkpoint " + version + " does not match its digest");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data), 1 << 16)) {
            return ConfigCodec.readSnapshot(in);
        } catch (IOException e) {
            throw new CorruptDataException("cluster checkpoint " + version + " cannot be read: " + e.getMessage());
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
