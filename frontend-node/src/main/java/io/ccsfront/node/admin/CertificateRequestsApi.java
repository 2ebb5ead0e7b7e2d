package io.ccsfront.node.admin;

import io.ccsfront.cert.CertificateRequests;
import io.ccsfront.cert.CsrSubject;
import io.ccsfront.cert.ImportedCertificate;
import io.ccsfront.cert.KeySpec;
import io.ccsfront.cert.PendingRequest;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigException;
import io.ccsfront.config.ConfigSnapshot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * {@code /admin/v1/certificate-requests}: IIS's "Create Certificate Request" (a CSR whose private
 * key waits, sealed, in the configuration) and "Complete Certificate Request" (the CA's CER, PEM
 * or P7B is matched to its request by public key and installed with the key).
 */
final class CertificateRequestsApi {

    private static final List<String> SUBJECT_FIELDS = List.of("cn", "o", "ou", "l", "st", "c");

    private final AdminServices services;
    private final Commits commits;

    CertificateRequestsApi(AdminServices services, Commits commits) {
        this.services = services;
        this.commits = commits;
    }

    void mount(AdminApi api) {
        api.post("/certificate-requests", this::create);
        api.get("/certificate-requests", this::list);
        api.post("/certificate-requests/complete", this::complete);
        api.get("/certificate-requests/:id", this::show);
        api.delete("/certificate-requests/:id", this::delete);
    }

    private AdminApi.Reply create(ApiRequest r) {
        CsrSubject subject = subject(r);
        List<String> sans = sans(r);
        KeySpec key = BadInput.parse("key", r.field("key") == null ? "rsa:2048" : r.field("key"), KeySpec::parse);
        CertificateRequests.Created created;
        try {
            created = CertificateRequests.create(subject, sans, key, services.protector(), services.clock());
        } catch (IllegalArgumentException e) {
            throw new BadInput("sans", String.join(",", sans), e.getMessage());
        }
        ChangeRecord rec = commits.commit(r, s -> new ConfigChange.PutPendingRequest(created.request()));
        return AdminApi.Reply.created(json(created.request()).put("version", rec.version()).put("csr", created.csrPem()));
    }

    private JsonObject list(ApiRequest r) {
        ConfigSnapshot s = commits.current();
        JsonArray a = new JsonArray();
        s.pendingRequests().forEach(p -> a.add(json(p)));
        return new JsonObject().put("version", s.version()).put("requests", a);
    }

    private JsonObject show(ApiRequest r) {
        ConfigSnapshot s = commits.current();
        PendingRequest p = s.pendingRequest(id(r.path("id")));
        if (p == null) {
            throw new ConfigException.NotFound("certificate request not found: " + r.path("id"));
        }
        return json(p).put("version", s.version()).put("csr", pem(p.csrDer()));
    }

    private JsonObject delete(ApiRequest r) {
        Thumbprint id = id(r.path("id"));
        ChangeRecord rec = commits.commit(r, s -> new ConfigChange.DeletePendingRequest(id));
        return new JsonObject().put("version", rec.version()).put("deleted", id.hex());
    }

    private AdminApi.Reply complete(ApiRequest r) {
        String store = CertificatesApi.store(r.field("store"));
        byte[] file = r.file("file");
        if (file == null) {
            throw new BadInput("file", null, "file is required: the issued certificate (CER, PEM or P7B), multipart or base64");
        }
        ImportedCertificate issued = CertificateRequests.complete(file, commits.current().pendingRequests(), services.protector());
        Thumbprint requestId = CertificateRequests.requestId(issued.leaf());
        StoredCertificate stored = issued.toStored(services.protector());
        ChangeRecord rec = commits.commit(r, s -> {
            List<ConfigChange> changes = new ArrayList<>();
            if (!s.hasStore(store)) {
                changes.add(new ConfigChange.CreateStore(store));
            }
            changes.add(new ConfigChange.PutCertificate(store, stored));
            if (s.pendingRequest(requestId) != null) {
                changes.add(new ConfigChange.DeletePendingRequest(requestId));
            }
            return new ConfigChange.Batch(changes);
        });
        return AdminApi.Reply.created(new JsonObject().put("version", rec.version()).put("thumbprint", stored.thumbprint().hex())
                .put("store", store).put("requestId", requestId.hex())
                .put("certificate", CertificateJson.details(issued.details(services.clock()))));
    }

    /** The subject fields; a validation failure names its field (cn, o, ou, l, st or c). */
    private static CsrSubject subject(ApiRequest r) {
        try {
            return new CsrSubject(r.field("cn"), r.field("o"), r.field("ou"), r.field("l"), r.field("st"), r.field("c"));
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage() == null ? "invalid subject" : e.getMessage();
            String first = msg.split(" ", 2)[0].toLowerCase(Locale.ROOT);
            String field = SUBJECT_FIELDS.contains(first) ? first : "cn";
            throw new BadInput(field, r.field(field), msg);
        }
    }

    /** {@code sans}: a JSON array, or a comma-separated string. */
    private static List<String> sans(ApiRequest r) {
        Object v = r.json().getValue("sans");
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray a) {
            a.forEach(x -> out.add(String.valueOf(x)));
        } else {
            String text = r.field("sans");
            if (text != null) {
                for (String s : text.split(",")) {
                    if (!s.isBlank()) {
                        out.add(s.strip());
                    }
                }
            }
        }
        return out;
    }

    private static Thumbprint id(String text) {
        return BadInput.parse("id", text, Thumbprint::parse);
    }

    private static JsonObject json(PendingRequest p) {
        return new JsonObject().put("id", p.id().hex()).put("subject", p.subject())
                .put("sans", CertificateJson.strings(p.sans())).put("key", p.keySpec()).put("created", p.created().toString());
    }

    static String pem(byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN CERTIFICATE REQUEST-----\n" + body + "\n-----END CERTIFICATE REQUEST-----\n";
    }
}
