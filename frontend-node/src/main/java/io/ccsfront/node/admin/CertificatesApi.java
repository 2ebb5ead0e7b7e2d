package io.ccsfront.node.admin;

import io.ccsfront.binding.CertStoreNames;
import io.ccsfront.binding.SslBinding;
import io.ccsfront.cert.CertificateDetails;
import io.ccsfront.cert.CertificateImporter;
import io.ccsfront.cert.ImportedCertificate;
import io.ccsfront.cert.PfxExporter;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.config.CertRef;
import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigException;
import io.ccsfront.config.ConfigSnapshot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin/v1/certificates}: the thumbprint stores ({@code certutil -store}, the IIS
 * import/export wizards). Import a PFX/PEM/DER/P7B file (multipart, or JSON with the file in
 * base64), list (by store, expiring within N days), show, delete (refused while bound), export to
 * a password-protected PFX — the only way a private key leaves the cluster.
 */
final class CertificatesApi {

    private static final Logger LOG = LoggerFactory.getLogger(CertificatesApi.class);

    private final AdminServices services;
    private final Commits commits;
    private final AuditLog audit;

    CertificatesApi(AdminServices services, Commits commits, AuditLog audit) {
        this.services = services;
        this.commits = commits;
        this.audit = audit;
    }

    void mount(AdminApi api) {
        api.post("/certificates", this::importCertificate);
        api.get("/certificates", this::list);
        api.get("/certificates/:thumbprint", this::show);
        api.delete("/certificates/:thumbprint", this::delete);
        api.post("/certificates/:thumbprint/export", this::export);
    }

    private AdminApi.Reply importCertificate(ApiRequest r) {
        String store = store(r.field("store"));
        byte[] file = r.file("file");
        if (file == null) {
            throw new BadInput("file", null, "file is required: a multipart part named file, or the file in base64 in the JSON field file");
        }
        byte[] keyFile = r.file("key");
        char[] password = r.password();
        ImportedCertificate imported;
        try {
            imported = keyFile == null ? CertificateImporter.read(file, password, r.fileName("file"))
                    : CertificateImporter.readPair(file, keyFile, password, null);
        } finally {
            Arrays.fill(password, '\0');
        }
        StoredCertificate stored = imported.toStored(services.protector());
        ChangeRecord rec = commits.commit(r, s -> s.hasStore(store)
                ? new ConfigChange.PutCertificate(store, stored)
                : new ConfigChange.Batch(List.of(new ConfigChange.CreateStore(store), new ConfigChange.PutCertificate(store, stored))));
        CertificateDetails d = imported.details(services.clock());
        LOG.info("certificate {} ({}) imported into store {} by {}", stored.thumbprint(), stored.summary().label(), store, r.actor());
        JsonArray warnings = CertificateJson.warnings(d.warnings());
        imported.warnings().forEach(w -> warnings.add(new JsonObject().put("code", "IMPORT").put("message", w)));
        return AdminApi.Reply.created(new JsonObject().put("version", rec.version()).put("thumbprint", stored.thumbprint().hex())
                .put("store", store).put("warnings", warnings).put("certificate", CertificateJson.details(d)));
    }

    private JsonObject list(ApiRequest r) {
        ConfigSnapshot s = commits.current();
        String store = r.field("store") == null ? null : store(r.field("store"));
        if (store != null && !s.hasStore(store)) {
            throw new ConfigException.NotFound("certificate store not found: " + store);
        }
        Duration within = days(r.field("expiringWithin"));
        JsonArray out = new JsonArray();
        for (Map.Entry<CertRef, StoredCertificate> e : s.storeCertificates()) {
            String storeName = displayStore(s, e.getKey().store());
            StoredCertificate c = e.getValue();
            if ((store != null && !storeName.equalsIgnoreCase(store))
                    || (within != null && !c.summary().expiresWithin(services.clock(), within))) {
                continue;
            }
            out.add(CertificateJson.summary(c, services.clock()).put("store", storeName)
                    .put("bindings", bindingKeys(s, c.thumbprint(), storeName)));
        }
        return new JsonObject().put("version", s.version()).put("stores", CertificateJson.strings(s.storeNames()))
                .put("certificates", out);
    }

    private JsonObject show(ApiRequest r) {
        ConfigSnapshot s = commits.current();
        Thumbprint t = thumbprint(r.path("thumbprint"));
        List<String> stores = storesHolding(s, t);
        StoredCertificate c = s.findCertificate(t);
        if (c == null) {
            throw new ConfigException.NotFound("certificate " + t + " not found in any store or the CCS");
        }
        return new JsonObject().put("version", s.version()).put("certificate", CertificateJson.details(CertificateDetails.of(c, services.clock())))
                .put("stores", CertificateJson.strings(stores)).put("ccsKeys", CertificateJson.strings(s.ccsKeysUsing(t)))
                .put("bindings", bindingKeys(s, t, null));
    }

    private JsonObject delete(ApiRequest r) {
        Thumbprint t = thumbprint(r.path("thumbprint"));
        String only = r.field("store") == null ? null : store(r.field("store"));
        ChangeRecord rec = commits.commit(r, s -> {
            List<String> stores = only == null ? storesHolding(s, t) : s.certificate(only, t) == null ? List.of() : List.of(only);
            if (stores.isEmpty()) {
                throw new ConfigException.NotFound("certificate " + t + " not found in " + (only == null ? "any store" : "store " + only));
            }
            List<String> bound = new ArrayList<>();
            for (SslBinding b : s.bindingsUsing(t)) {
                if (stores.stream().anyMatch(x -> x.equalsIgnoreCase(b.certStoreName()))) {
                    bound.add(b.key().toString());
                }
            }
            if (!bound.isEmpty()) {
                throw new ApiException(409, "certificate_bound", "certificate " + t + " is still bound: " + String.join(", ", bound)
                        + " (delete those bindings or rotate them to another certificate first)",
                        new JsonObject().put("field", "thumbprint").put("value", t.hex()).put("bindings", CertificateJson.strings(bound)));
            }
            List<ConfigChange> deletes = new ArrayList<>();
            stores.forEach(x -> deletes.add(new ConfigChange.DeleteCertificate(x, t)));
            return deletes.size() == 1 ? deletes.get(0) : new ConfigChange.Batch(deletes);
        });
        return new JsonObject().put("version", rec.version()).put("deleted", t.hex());
    }

    private JsonObject export(ApiRequest r) {
        Thumbprint t = thumbprint(r.path("thumbprint"));
        char[] password = r.password();
        try {
            if (password.length == 0) {
                throw new BadInput("password", null, "PFX export needs a password: exports are always password protected");
            }
            ConfigSnapshot s = commits.current();
            StoredCertificate c = s.findCertificate(t);
            if (c == null) {
                throw new ConfigException.NotFound("certificate " + t + " not found in any store or the CCS");
            }
            byte[] pfx = PfxExporter.export(c, services.protector(), password);
            audit.export(t, r.actor(), s.version(), services.clock().instant());
            LOG.info("certificate {} ({}) exported with its private key as password-protected PFX by {}", t, c.summary().label(), r.actor());
            return new JsonObject().put("version", s.version()).put("thumbprint", t.hex())
                    .put("fileName", c.summary().label().replace('*', '_') + ".pfx").put("pfx", Base64.getEncoder().encodeToString(pfx));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    static Thumbprint thumbprint(String text) {
        return BadInput.parse("thumbprint", text, Thumbprint::parse);
    }

    static String store(String text) {
        return BadInput.parse("store", text == null ? CertStoreNames.MY : text, CertStoreNames::normalize);
    }

    static Duration days(String text) {
        return text == null || text.isBlank() ? null : Duration.ofDays(BadInput.number("expiringWithin", text, 0, 36_500));
    }

    /** The display names of the stores holding {@code t}. */
    private static List<String> storesHolding(ConfigSnapshot s, Thumbprint t) {
        List<String> out = new ArrayList<>();
        for (String name : s.storeNames()) {
            if (s.certificate(name, t) != null) {
                out.add(name);
            }
        }
        return out;
    }

    private static String displayStore(ConfigSnapshot s, String key) {
        for (String name : s.storeNames()) {
            if (CertStoreNames.key(name).equals(key)) {
                return name;
            }
        }
        return key;
    }

    /** The SSL bindings naming {@code t} (in {@code store} when not null). */
    private static JsonArray bindingKeys(ConfigSnapshot s, Thumbprint t, String store) {
        JsonArray a = new JsonArray();
        for (SslBinding b : s.bindingsUsing(t)) {
            if (store == null || store.equalsIgnoreCase(b.certStoreName())) {
                a.add(b.key().toString());
            }
        }
        return a;
    }
}
