package io.ccsfront.node.admin;

import io.ccsfront.cert.CertificateDetails;
import io.ccsfront.cert.CertificateSummary;
import io.ccsfront.cert.CertificateWarning;
import io.ccsfront.cert.StoredCertificate;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;

/** Certificates as JSON: the listing form and the {@link CertificateDetails} form. Never key material. */
final class CertificateJson {

    private CertificateJson() {
    }

    /** What a listing shows: thumbprint, subject, issuer, names, validity, key type and presence. */
    static JsonObject summary(StoredCertificate c, Clock clock) {
        CertificateSummary s = c.summary();
        CertificateDetails d = CertificateDetails.of(c, clock);
        return new JsonObject()
                .put("thumbprint", s.thumbprint().hex())
                .put("subject", d.subject())
                .put("issuer", d.issuer())
                .put("key", d.keyDescription())
                .put("label", s.label())
                .put("names", new JsonArray(List.copyOf(s.names())))
                .put("ipAddresses", new JsonArray(List.copyOf(s.ipAddresses())))
                .put("notBefore", s.notBefore().toString())
                .put("notAfter", s.notAfter().toString())
                .put("expired", s.isExpired(clock))
                .put("selfSigned", s.selfSigned())
                .put("hasPrivateKey", c.hasPrivateKey());
    }

    /** Everything certutil -dump shows, and the warnings. */
    static JsonObject details(CertificateDetails d) {
        JsonArray chain = new JsonArray();
        for (CertificateDetails.ChainElement e : d.chain()) {
            chain.add(new JsonObject().put("subject", e.subject()).put("thumbprint", e.thumbprint().hex()));
        }
        return new JsonObject()
                .put("thumbprint", d.thumbprint().hex())
                .put("sha256", d.sha256())
                .put("subject", d.subject())
                .put("issuer", d.issuer())
                .put("serialNumber", d.serialNumber())
                .put("dnsNames", new JsonArray(List.copyOf(d.dnsNames())))
                .put("ipAddresses", new JsonArray(List.copyOf(d.ipAddresses())))
                .put("notBefore", d.notBefore().toString())
                .put("notAfter", d.notAfter().toString())
                .put("keyAlgorithm", d.keyAlgorithm())
                .put("keyBits", d.keyBits())
                .put("key", d.keyDescription())
                .put("hasPrivateKey", d.hasPrivateKey())
                .put("chain", chain)
                .put("warnings", warnings(d.warnings()));
    }

    static JsonArray warnings(List<CertificateWarning> warnings) {
        JsonArray a = new JsonArray();
        for (CertificateWarning w : warnings) {
            a.add(new JsonObject().put("code", w.code().name()).put("message", w.message()));
        }
        return a;
    }

    static JsonArray strings(List<String> list) {
        return new JsonArray(List.copyOf(list));
    }
}
