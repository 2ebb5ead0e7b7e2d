package io.ccsfront.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ccsfront.binding.BindingKey;
import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.HostnamePortBinding;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.binding.SslBinding;
import io.ccsfront.binding.TlsOptions;
import io.ccsfront.cert.PendingRequest;
import io.ccsfront.cert.SealedKey;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigChange.Mode;
import io.ccsfront.site.Site;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** JSON for each change and each configuration object (docs/STORAGE.md). Package-private. */
final class ChangeJson {

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private ChangeJson() {
    }

    static ObjectNode write(ConfigChange c) {
        ObjectNode n = ConfigCodec.MAPPER.createObjectNode();
        if (c instanceof ConfigChange.Batch b) {
            n.put("type", "batch");
            ArrayNode a = n.putArray("changes");
            b.changes().forEach(x -> a.add(write(x)));
        } else if (c instanceof ConfigChange.CreateStore x) {
            n.put("type", "createStore").put("store", x.name());
        } else if (c instanceof ConfigChange.PutCertificate x) {
            n.put("type", "putCertificate").put("store", x.store()).set("certificate", certificate(x.certificate()));
        } else if (c instanceof ConfigChange.DeleteCertificate x) {
            n.put("type", "deleteCertificate").put("store", x.store()).put("thumbprint", x.thumbprint().hex());
        } else if (c instanceof ConfigChange.PutCcs x) {
            n.put("type", "putCcs").put("key", x.key()).set("certificate", certificate(x.certificate()));
        } else if (c instanceof ConfigChange.DeleteCcs x) {
            n.put("type", "deleteCcs").put("key", x.key());
        } else if (c instanceof ConfigChange.PutBinding x) {
            n.put("type", "putBinding").put("mode", x.mode().name()).set("binding", binding(x.binding()));
        } else if (c instanceof ConfigChange.DeleteBinding x) {
            n.put("type", "deleteBinding").put("key", x.key().toString());
        } else if (c instanceof ConfigChange.PutSite x) {
            n.put("type", "putSite").put("mode", x.mode().name()).set("site", site(x.site()));
        } else if (c instanceof ConfigChange.DeleteSite x) {
            n.put("type", "deleteSite").put("name", x.name());
        } else if (c instanceof ConfigChange.Rotate x) {
            n.put("type", "rotate").put("from", x.from().hex()).set("to", certificate(x.to()));
        } else if (c instanceof ConfigChange.PutPendingRequest x) {
            n.put("type", "putPendingRequest").set("request", pending(x.request()));
        } else if (c instanceof ConfigChange.DeletePendingRequest x) {
            n.put("type", "deletePendingRequest").put("id", x.id().hex());
        } else {
            throw new IllegalArgumentException("unknown change: " + c);
        }
        return n;
    }

    static ConfigChange read(JsonNode n) {
        String type = n.path("type").asText();
        switch (type) {
            case "batch": {
                List<ConfigChange> list = new ArrayList<>();
                n.path("changes").forEach(x -> list.add(read(x)));
                return new ConfigChange.Batch(list);
            }
            case "createStore":
                return new ConfigChange.CreateStore(n.path("store").asText());
            case "putCertificate":
                return new ConfigChange.PutCertificate(n.path("store").asText(), readCertificate(n.path("certificate")));
            case "deleteCertificate":
                return new ConfigChange.DeleteCertificate(n.path("store").asText(), Thumbprint.parse(n.path("thumbprint").asText()));
            case "putCcs":
                return new ConfigChange.PutCcs(n.path("key").asText(), readCertificate(n.path("certificate")));
            case "deleteCcs":
                return new ConfigChange.DeleteCcs(n.path("key").asText());
            case "putBinding":
                return new ConfigChange.PutBinding(readBinding(n.path("binding")), Mode.valueOf(n.path("mode").asText()));
            case "deleteBinding":
                return new ConfigChange.DeleteBinding(BindingKey.parse(n.path("key").asText()));
            case "putSite":
                return new ConfigChange.PutSite(readSite(n.path("site")), Mode.valueOf(n.path("mode").asText()));
            case "deleteSite":
                return new ConfigChange.DeleteSite(n.path("name").asText());
            case "rotate":
                return new ConfigChange.Rotate(Thumbprint.parse(n.path("from").asText()), readCertificate(n.path("to")));
            case "putPendingRequest":
                return new ConfigChange.PutPendingRequest(readPending(n.path("request")));
            case "deletePendingRequest":
                return new ConfigChange.DeletePendingRequest(Thumbprint.parse(n.path("id").asText()));
            default:
                throw new CorruptDataException("unknown change type: " + type);
        }
    }

    static ObjectNode certificate(StoredCertificate c) {
        ObjectNode n = ConfigCodec.MAPPER.createObjectNode();
        n.put("thumbprint", c.thumbprint().hex());
        ArrayNode chain = n.putArray("chain");
        for (byte[] der : c.chainDer()) {
            chain.add(B64.encodeToString(der));
        }
        if (c.sealedKey() != null) {
            n.set("key", key(c.sealedKey()));
        }
        return n;
    }

    static StoredCertificate readCertificate(JsonNode n) {
        List<byte[]> chain = new ArrayList<>();
        n.path("chain").forEach(x -> chain.add(B64D.decode(x.asText())));
        StoredCertificate c = StoredCertificate.restore(chain, n.has("key") ? readKey(n.path("key")) : null);
        if (n.has("thumbprint") && !c.thumbprint().hex().equals(n.path("thumbprint").asText())) {
            throw new CorruptDataException("certificate thumbprint " + n.path("thumbprint").asText()
                    + " does not match its DER (" + c.thumbprint() + ")");
        }
        return c;
    }

    private static ObjectNode key(SealedKey k) {
        ObjectNode n = ConfigCodec.MAPPER.createObjectNode();
        n.put("keyId", k.keyId()).put("algorithm", k.algorithm()).put("sealed", B64.encodeToString(k.sealed()));
        return n;
    }

    private static SealedKey readKey(JsonNode n) {
        return new SealedKey(n.path("keyId").asText(), n.path("algorithm").asText(), B64D.decode(n.path("sealed").asText()));
    }

    static ObjectNode binding(SslBinding b) {
        ObjectNode n = ConfigCodec.MAPPER.createObjectNode();
        n.put("key", b.key().toString());
        if (b.certHash() != null) {
            n.put("certhash", b.certHash().hex()).put("certstorename", b.certStoreName());
        }
        if (b.appId() != null) {
            n.put("appid", b.appId());
        }
        n.put("mintlsversion", b.tls().minVersion().text())
                .put("clientcertnegotiation", b.tls().negotiateClientCertificate())
                .put("http2", b.tls().http2());
        return n;
    }

    static SslBinding readBinding(JsonNode n) {
        BindingKey key = BindingKey.parse(n.path("key").asText());
        TlsOptions tls = new TlsOptions(TlsOptions.TlsVersion.parse(n.path("mintlsversion").asText("1.2")),
                n.path("clientcertnegotiation").asBoolean(false), n.path("http2").asBoolean(true));
        String appId = n.hasNonNull("appid") ? n.path("appid").asText() : null;
        switch (key.kind()) {
            case IPPORT:
                return new IpPortBinding(IpPort.parse(key.value()), Thumbprint.parse(n.path("certhash").asText()),
                        n.path("certstorename").asText(null), appId, tls);
            case HOSTNAMEPORT: {
                int c = key.value().lastIndexOf(':');
                return new HostnamePortBinding(key.value().substring(0, c), Integer.parseInt(key.value().substring(c + 1)),
                        Thumbprint.parse(n.path("certhash").asText()), n.path("certstorename").asText(null), appId, tls);
            }
            default:
                return new CcsBinding(Integer.parseInt(key.value()), appId, tls);
        }
    }

    static ObjectNode site(Site s) {
        ObjectNode n = ConfigCodec.MAPPER.createObjectNode();
        n.put("name", s.name()).put("id", s.id());
        ArrayNode bs = n.putArray("bindings");
        for (SiteBinding b : s.bindings()) {
            bs.addObject().put("protocol", b.protocol().text()).put("bindingInformation", b.bindingInformation())
                    .put("sslFlags", b.sslFlags());
        }
        ArrayNode ws = n.putArray("workers");
        s.workers().forEach(w -> ws.add(w.toString()));
        return n;
    }

    static Site readSite(JsonNode n) {
        List<SiteBinding> bs = new ArrayList<>();
        n.path("bindings").forEach(b -> bs.add(SiteBinding.parse(SiteBinding.Protocol.parse(b.path("protocol").asText()),
                b.path("bindingInformation").asText(), b.path("sslFlags").asInt())));
        List<URI> ws = new ArrayList<>();
        n.path("workers").forEach(w -> ws.add(Site.parseWorker(w.asText())));
        return new Site(n.path("name").asText(), n.path("id").asLong(), bs, ws);
    }

    static ObjectNode pending(PendingRequest p) {
        ObjectNode n = ConfigCodec.MAPPER.createObjectNode();
        n.put("id", p.id().hex()).put("subject", p.subject()).put("keySpec", p.keySpec());
        ArrayNode sans = n.putArray("sans");
        p.sans().forEach(sans::add);
        n.put("csr", B64.encodeToString(p.csrDer()));
        n.set("key", key(p.key()));
        n.put("created", p.created().toString());
        return n;
    }

    static PendingRequest readPending(JsonNode n) {
        List<String> sans = new ArrayList<>();
        n.path("sans").forEach(x -> sans.add(x.asText()));
        return new PendingRequest(Thumbprint.parse(n.path("id").asText()), n.path("subject").asText(), sans,
                n.path("keySpec").asText(), B64D.decode(n.path("csr").asText()), readKey(n.path("key")),
                Instant.parse(n.path("created").asText()));
    }
}
