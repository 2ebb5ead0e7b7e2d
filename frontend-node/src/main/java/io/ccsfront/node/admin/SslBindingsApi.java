package io.ccsfront.node.admin;

import io.ccsfront.binding.AppIds;
import io.ccsfront.binding.BindingKey;
import io.ccsfront.binding.CertStoreNames;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.NetshCodec;
import io.ccsfront.binding.Ports;
import io.ccsfront.binding.SslBinding;
import io.ccsfront.binding.TlsOptions;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigException;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.doctor.Dependent;
import io.ccsfront.doctor.Doctor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code /admin/v1/sslcerts}: HTTP.SYS SSL bindings in the netsh vocabulary. Add ({@code netsh
 * http add sslcert}) and update take the netsh words as JSON fields ({@code {"ipport":
 * "0.0.0.0:443", "certhash": "…", "appid": "{…}"}}) or one {@code command} line; a binding is
 * addressed as {@code /sslcerts/ipport/0.0.0.0:443}, {@code /sslcerts/hostnameport/a.com:443} or
 * {@code /sslcerts/ccs/443}. Delete is refused (409 {@code binding_in_use}, naming the sites)
 * while site bindings depend on it, unless {@code force=true}.
 */
final class SslBindingsApi {

    /** Each netsh word and the parser that validates its value alone (its message names the value). */
    private static final Map<String, Function<String, ?>> WORDS = Map.of(
            "ipport", IpPort::parse,
            "hostnameport", v -> BindingKey.parse("hostnameport=" + v),
            "ccs", v -> Ports.parse(v, "ccs"),
            "certhash", Thumbprint::parse,
            "appid", AppIds::normalize,
            "certstorename", CertStoreNames::normalize,
            "mintlsversion", TlsOptions.TlsVersion::parse,
            "clientcertnegotiation", v -> v,
            "disablehttp2", v -> v);
    private static final Set<String> OTHER_FIELDS = Set.of("expectedVersion", "command", "force");

    private final Commits commits;

    SslBindingsApi(Commits commits) {
        this.commits = commits;
    }

    void mount(AdminApi api) {
        api.post("/sslcerts", this::add);
        api.get("/sslcerts", this::list);
        api.get("/sslcerts/:kind/:value", this::show);
        api.put("/sslcerts/:kind/:value", this::update);
        api.delete("/sslcerts/:kind/:value", this::delete);
    }

    private AdminApi.Reply add(ApiRequest r) {
        SslBinding b = parse(r, null);
        ChangeRecord rec = commits.commit(r, s -> new ConfigChange.PutBinding(b, ConfigChange.Mode.ADD));
        return AdminApi.Reply.created(new JsonObject().put("version", rec.version())
                .put("binding", ConfigJson.sslBinding(b, commits.current())));
    }

    private JsonObject update(ApiRequest r) {
        BindingKey key = key(r);
        SslBinding b = parse(r, key);
        ChangeRecord rec = commits.commit(r, s -> new ConfigChange.PutBinding(b, ConfigChange.Mode.UPDATE));
        return new JsonObject().put("version", rec.version()).put("binding", ConfigJson.sslBinding(b, commits.current()));
    }

    private JsonObject list(ApiRequest r) {
        ConfigSnapshot s = commits.current();
        JsonArray a = new JsonArray();
        s.bindings().forEach(b -> a.add(ConfigJson.sslBinding(b, s)));
        return new JsonObject().put("version", s.version()).put("bindings", a);
    }

    private JsonObject show(ApiRequest r) {
        ConfigSnapshot s = commits.current();
        BindingKey key = key(r);
        SslBinding b = s.binding(key);
        if (b == null) {
            throw new ConfigException.NotFound("SSL binding not found: " + key);
        }
        return new JsonObject().put("version", s.version()).put("binding", ConfigJson.sslBinding(b, s))
                .put("dependents", dependents(Doctor.dependents(s, key)));
    }

    private JsonObject delete(ApiRequest r) {
        BindingKey key = key(r);
        boolean force = r.flag("force", false);
        List<String> broken = new ArrayList<>();
        ChangeRecord rec = commits.commit(r, s -> {
            if (s.binding(key) == null) {
                throw new ConfigException.NotFound("SSL binding not found: " + key);
            }
            List<Dependent> deps = Doctor.dependents(s, key);
            broken.clear();
            deps.forEach(d -> broken.add(d.toString()));
            if (!deps.isEmpty() && !force) {
                throw new ApiException(409, "binding_in_use", "SSL binding " + key + " serves the handshakes of " + deps.size()
                        + " site binding(s): " + String.join(", ", broken) + " (rebind them first, or force the delete)",
                        new JsonObject().put("field", "binding").put("value", key.toString()).put("dependents", dependents(deps)));
            }
            return new ConfigChange.DeleteBinding(key);
        });
        return new JsonObject().put("version", rec.version()).put("deleted", key.toString())
                .put("brokenSites", CertificateJson.strings(force ? broken : List.of()));
    }

    /** The binding addressed by the path ({@code ipport}/{@code hostnameport}/{@code ccs} and its value). */
    static BindingKey key(ApiRequest r) {
        String kind = r.path("kind");
        return BadInput.parse("binding", kind + "=" + r.path("value"), BindingKey::parse);
    }

    /** The binding in the request: a {@code command} line, or the netsh words as fields; {@code key} (update) fills the key word. */
    static SslBinding parse(ApiRequest r, BindingKey key) {
        String command = r.field("command");
        if (command != null) {
            SslBinding b = BadInput.parse("command", command, NetshCodec::parseAdd);
            return checkKey(b, key);
        }
        List<String> words = new ArrayList<>();
        boolean hasKey = false;
        for (String field : r.json().fieldNames()) {
            String name = field.toLowerCase(Locale.ROOT);
            if (OTHER_FIELDS.contains(field)) {
                continue;
            }
            Function<String, ?> parser = WORDS.get(name);
            if (parser == null) {
                throw new BadInput(field, String.valueOf(r.json().getValue(field)), "unknown sslcert parameter " + field
                        + " (known: " + String.join(", ", WORDS.keySet().stream().sorted().toList()) + ")");
            }
            String value = String.valueOf(r.json().getValue(field));
            BadInput.parse(name, value, parser);
            hasKey |= name.equals("ipport") || name.equals("hostnameport") || name.equals("ccs");
            words.add(name + "=" + value);
        }
        if (!hasKey && key != null) {
            words.add(0, key.toString());
        }
        SslBinding b = BadInput.parse("binding", String.join(" ", words), NetshCodec::parseAdd);
        return checkKey(b, key);
    }

    private static SslBinding checkKey(SslBinding b, BindingKey key) {
        if (key != null && !b.key().equals(key)) {
            throw new BadInput("binding", b.key().toString(), "the body names binding " + b.key() + " but the path names " + key);
        }
        return b;
    }

    static JsonArray dependents(List<Dependent> deps) {
        JsonArray a = new JsonArray();
        for (Dependent d : deps) {
            a.add(new JsonObject().put("site", d.site()).put("binding", d.binding().protocol().text() + "/" + d.binding().bindingInformation())
                    .put("level", d.level().number()).put("levelName", d.level().title()));
        }
        return a;
    }
}
