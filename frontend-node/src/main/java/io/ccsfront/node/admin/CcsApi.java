package io.ccsfront.node.admin;

import io.ccsfront.cert.CertificateDetails;
import io.ccsfront.cert.CertificateImporter;
import io.ccsfront.cert.ImportedCertificate;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigException;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.name.CcsKeys;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;

/**
 * {@code /admin/v1/ccs}: the Central Certificate Store, by hostname. {@code www.contoso.com}
 * serves exactly that name; {@code *.contoso.com} or {@code _.contoso.com} is the wildcard entry
 * (stored as {@code _.contoso.com}, the IIS file name). Put takes a PFX (with its password) or a
 * PEM/DER certificate with a {@code key} file, as the CCS folder's {@code .crt} + {@code .key}.
 */
final class CcsApi {

    private final AdminServices services;
    private final Commits commits;

    CcsApi(AdminServices services, Commits commits) {
        this.services = services;
        this.commits = commits;
    }

    void mount(AdminApi api) {
        api.put("/ccs/:hostname", this::put);
        api.get("/ccs", this::list);
        api.get("/ccs/:hostname", this::show);
        api.delete("/ccs/:hostname", this::delete);
    }

    private JsonObject put(ApiRequest r) {
        String key = key(r.path("hostname"));
        byte[] file = r.file("file");
        if (file == null) {
            throw new BadInput("file", null, "file is required: a multipart part named file, or the file in base64 in the JSON field file");
        }
        byte[] keyFile = r.file("key");
        char[] password = r.password();
        ImportedCertificate imported;
        try {
            imported = keyFile == null ? CertificateImporter.read(file, password, r.fileName("file"))
                    : CertificateImporter.readPair(file, keyFile, password, key);
        } finally {
            Arrays.fill(password, '\0');
        }
        StoredCertificate stored = imported.toStored(services.protector());
        JsonArray warnings = new JsonArray();
        String probe = probeName(key);
        if (!stored.summary().covers(probe)) {
            warnings.add(new JsonObject().put("code", "NAME_MISMATCH").put("message", "certificate " + stored.thumbprint()
                    + " (" + String.join(", ", stored.summary().names()) + ") does not cover " + CcsKeys.displayName(key)
                    + ": clients of that name will see a certificate name error"));
        }
        if (!stored.hasPrivateKey()) {
            warnings.add(new JsonObject().put("code", "NO_PRIVATE_KEY").put("message", "certificate " + stored.thumbprint()
                    + " has no private key: handshakes served from this entry will fail"));
        }
        CertificateDetails d = imported.details(services.clock());
        warnings.addAll(CertificateJson.warnings(d.warnings()));
        ChangeRecord rec = commits.commit(r, s -> new ConfigChange.PutCcs(key, stored));
        return new JsonObject().put("version", rec.version()).put("key", key).put("thumbprint", stored.thumbprint().hex())
                .put("warnings", warnings).put("certificate", CertificateJson.details(d));
    }

    private JsonObject list(ApiRequest r) {
        ConfigSnapshot s = commits.current();
        Duration within = CertificatesApi.days(r.field("expiringWithin"));
        JsonArray a = new JsonArray();
        for (String key : s.ccsKeys()) {
            StoredCertificate c = s.ccs(key);
            if (within == null || c.summary().expiresWithin(services.clock(), within)) {
                a.add(CertificateJson.summary(c, services.clock()).put("key", key).put("name", CcsKeys.displayName(key)));
            }
        }
        return new JsonObject().put("version", s.version()).put("entries", a);
    }

    /** The entry for a key; for an exact hostname without its own entry, the wildcard entry that serves it. */
    private JsonObject show(ApiRequest r) {
        ConfigSnapshot s = commits.current();
        String key = key(r.path("hostname"));
        String servedBy = key;
        StoredCertificate c = s.ccs(key);
        if (c == null && !CcsKeys.isWildcard(key)) {
            servedBy = CcsKeys.wildcardFor(key);
            c = servedBy == null ? null : s.ccs(servedBy);
        }
        if (c == null) {
            throw new ConfigException.NotFound("CCS entry not found: " + key
                    + (CcsKeys.isWildcard(key) || CcsKeys.wildcardFor(key) == null ? "" : " (nor " + CcsKeys.wildcardFor(key) + ")"));
        }
        return new JsonObject().put("version", s.version()).put("key", key).put("servedBy", servedBy)
                .put("certificate", CertificateJson.details(CertificateDetails.of(c, services.clock())));
    }

    private JsonObject delete(ApiRequest r) {
        String key = key(r.path("hostname"));
        ChangeRecord rec = commits.commit(r, s -> new ConfigChange.DeleteCcs(key));
        return new JsonObject().put("version", rec.version()).put("deleted", key);
    }

    static String key(String hostname) {
        return BadInput.parse("hostname", hostname, CcsKeys::normalize);
    }

    /** A name the key serves: itself, or {@code ccsctl-probe.<domain>} for {@code _.<domain>}. */
    static String probeName(String key) {
        return CcsKeys.isWildcard(key) ? "ccsctl-probe." + key.substring(2) : key;
    }
}
