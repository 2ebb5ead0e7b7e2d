package io.ccsfront.node.cluster;

import com.hazelcast.map.IMap;
import io.ccsfront.cert.KeyProtector;
import io.ccsfront.config.ChangeRecord;
import io.ccsfront.store.ConfigCodec;
import io.ccsfront.store.CorruptDataException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The cluster's ordered change log: an {@code IMap<Long, byte[]>} from version to change
 * record. Committing version {@code v} is {@code putIfAbsent(v, record)}: exactly one node wins
 * each version, so concurrent edits are serialised and a change computed from a stale version
 * is refused. Each value carries an HMAC-SHA256 under a key derived from the master key (the
 * open-source edition has no transport security): a member without the master key can neither
 * forge nor alter a change, and a record that fails its check is never applied.
 *
 * <p>Value layout: {@code [key-id length][key id][32-byte MAC][record JSON]}.
 */
final class Journal {

    private static final String PURPOSE = "journal";
    private final IMap<Long, byte[]> map;
    private final KeyProtector protector;

    Journal(IMap<Long, byte[]> map, KeyProtector protector) {
        this.map = map;
        this.protector = protector;
    }

    IMap<Long, byte[]> map() {
        return map;
    }

    /** True when this node won {@code r.version()}. */
    boolean tryAppend(ChangeRecord r) {
        return map.putIfAbsent(r.version(), encode(r)) == null;
    }

    /** The record at {@code version}, or null when it does not exist (yet). */
    ChangeRecord get(long version) {
        byte[] b = map.get(version);
        return b == null ? null : decode(version, b);
    }

    boolean contains(long version) {
        return map.containsKey(version);
    }

    byte[] encode(ChangeRecord r) {
        byte[] json = ConfigCodec.encode(r);
        byte[] id = protector.currentKeyId().getBytes(StandardCharsets.US_ASCII);
        byte[] mac = protector.mac(protector.currentKeyId(), PURPOSE, json);
        byte[] out = new byte[1 + id.length + mac.length + json.length];
        out[0] = (byte) id.length;
        System.arraycopy(id, 0, out, 1, id.length);
        System.arraycopy(mac, 0, out, 1 + id.length, mac.length);
        System.arraycopy(json, 0, out, 1 + id.length + mac.length, json.length);
        return out;
    }

    ChangeRecord decode(long version, byte[] b) {
        if (b.length < 34) {
            throw new CorruptDataException("journal entry " + version + " is too short");
        }
        int idLen = b[0];
        String keyId = new String(b, 1, idLen, StandardCharsets.US_ASCII);
        byte[] mac = Arrays.copyOfRange(b, 1 + idLen, 1 + idLen + 32);
        byte[] json = Arrays.copyOfRange(b, 1 + idLen + 32, b.length);
        byte[] expected = protector.mac(keyId, PURPOSE, json);
        if (expected == null) {
            throw new CorruptDataException("journal entry " + version + " is signed with master key " + keyId
                    + ", which this node does not have");
        }
        if (!MessageDigest.isEqual(expected, mac)) {
            throw new CorruptDataException("journal entry " + version + " fails its HMAC: not written by a node holding the master key");
        }
        ChangeRecord r = ConfigCodec.decodeRecord(json);
        if (r.version() != version) {
            throw new CorruptDataException("journal entry " + version + " holds version " + r.version());
        }
        return r;
    }

    /** Highest version present (a scan of the keys: startup only). */
    long maxVersion() {
        long max = 0;
        for (Long k : map.keySet()) {
            max = Math.max(max, k);
        }
        return max;
    }

    /** Drops versions up to {@code upTo} (they are covered by a checkpoint). */
    void trim(long upTo) {
        for (Long k : map.keySet()) {
            if (k <= upTo) {
                map.delete(k);
            }
        }
    }
}
