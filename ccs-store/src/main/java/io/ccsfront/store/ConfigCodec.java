package io.ccsfront.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ccsfront.cert.PendingRequest;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.CertRef;
import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.config.SnapshotBuilder;
import io.ccsfront.site.Site;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * The JSON form of the configuration (docs/STORAGE.md): change records for the journals, and
 * whole snapshots, written in a canonical order so that equal configurations produce equal
 * bytes (and {@link #contentHash} compares nodes). Private keys appear only sealed.
 */
public final class ConfigCodec {

    public static final String SNAPSHOT_FORMAT = "ccsfront-config/1";
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private ConfigCodec() {
    }

    // ---- change records ---------------------------------------------------------------------

    public static byte[] encode(ChangeRecord r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("version", r.version());
        n.put("actor", r.actor());
        n.put("committedAt", r.committedAt().toString());
        if (!r.previous().isEmpty()) {
            n.put("previous", r.previous());
        }
        n.set("change", ChangeJson.write(r.change()));
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ChangeRecord decodeRecord(byte[] json) {
        try {
            return decodeRecord(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new CorruptDataException("change record is not valid JSON: " + e.getMessage());
        }
    }

    static ChangeRecord decodeRecord(JsonNode n) {
        try {
            return new ChangeRecord(n.path("version").asLong(), ChangeJson.read(n.path("change")), n.path("actor").asText(),
                    Instant.parse(n.path("committedAt").asText()), n.path("previous").asText(""));
        } catch (RuntimeException e) {
            throw new CorruptDataException("change record cannot be read: " + e.getMessage());
        }
    }

    public static byte[] encode(ConfigChange c) {
        try {
            return MAPPER.writeValueAsBytes(ChangeJson.write(c));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ConfigChange decodeChange(byte[] json) {
        try {
            return ChangeJson.read(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new CorruptDataException("change is not valid JSON: " + e.getMessage());
        }
    }

    // ---- snapshots --------------------------------------------------------------------------

    /** Streams the snapshot as canonical JSON (sorted everywhere). */
    public static void writeSnapshot(ConfigSnapshot s, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("format", SNAPSHOT_FORMAT);
            g.writeNumberField("version", s.version());
            g.writeStringField("chain", s.chain());
            g.writeArrayFieldStart("stores");
            for (String name : s.storeNames()) {
                g.writeString(name);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("certificates");
            for (Map.Entry<CertRef, StoredCertificate> e : s.storeCertificates()) {
                ObjectNode n = ChangeJson.certificate(e.getValue());
                n.put("store", storeDisplayName(s, e.getKey().store()));
                MAPPER.writeTree(g, n);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("ccs");
            for (String key : s.ccsKeys()) {
                ObjectNode n = MAPPER.createObjectNode();
                n.put("key", key);
                n.set("certificate", ChangeJson.certificate(s.ccs(key)));
                MAPPER.writeTree(g, n);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("bindings");
            for (var b : s.bindings()) {
                MAPPER.writeTree(g, ChangeJson.binding(b));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("sites");
            for (Site site : s.sites()) {
                MAPPER.writeTree(g, ChangeJson.site(site));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("pending");
            for (PendingRequest p : s.pendingRequests()) {
                MAPPER.writeTree(g, ChangeJson.pending(p));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Reads a snapshot written by {@link #writeSnapshot}, element by element. */
    public static ConfigSnapshot readSnapshot(InputStream in) throws IOException {
        SnapshotBuilder b = ConfigSnapshot.builder();
        try (JsonParser p = FACTORY.createParser(in)) {
            p.setCodec(MAPPER);
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "format" -> {
                        if (!SNAPSHOT_FORMAT.equals(p.getText())) {
                            throw new CorruptDataException("unknown snapshot format: " + p.getText());
                        }
                    }
                    case "version" -> b.version(p.getLongValue());
                    case "chain" -> b.chain(p.getText());
                    case "stores" -> eachElement(p, t, n -> b.createStore(n.asText()));
                    case "certificates" -> eachElement(p, t, n -> b.putCertificate(n.path("store").asText(), ChangeJson.readCertificate(n)));
                    case "ccs" -> eachElement(p, t, n -> b.putCcs(n.path("key").asText(), ChangeJson.readCertificate(n.path("certificate"))));
                    case "bindings" -> eachElement(p, t, n -> b.putBinding(ChangeJson.readBinding(n)));
                    case "sites" -> eachElement(p, t, n -> b.putSite(ChangeJson.readSite(n)));
                    case "pending" -> eachElement(p, t, n -> b.putPending(ChangeJson.readPending(n)));
                    default -> p.skipChildren();
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof CorruptDataException c) {
                throw c;
            }
            throw new CorruptDataException("snapshot cannot be read: " + e.getMessage());
        }
        return b.build();
    }

    /** SHA-256 over the canonical JSON of the snapshot: equal on every node that holds the same configuration. */
    public static String contentHash(ConfigSnapshot s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
                writeSnapshot(s, sink);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("content hash failed", e);
        }
    }

    private static String storeDisplayName(ConfigSnapshot s, String key) {
        for (String n : s.storeNames()) {
            if (n.equalsIgnoreCase(key)) {
                return n;
            }
        }
        return key;
    }

    private interface NodeConsumer {
        void accept(JsonNode n);
    }

    private static void eachElement(JsonParser p, JsonToken start, NodeConsumer action) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            action.accept(p.readValueAsTree());
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new CorruptDataException("expected " + expected + " but found " + actual);
        }
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }
}
