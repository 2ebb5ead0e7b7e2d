package io.ccsfront.node.admin;

import io.ccsfront.binding.AppcmdCodec;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigException;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.site.Site;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * {@code /admin/v1/sites}: sites, their bindings and their web workers ({@code appcmd add site},
 * {@code appcmd set site /+bindings.[…]}). A binding is written {@code https/*:443:www.contoso.com}
 * (then {@code sni} and {@code ccs} give its sslFlags) or in appcmd's long form
 * {@code [protocol='https',bindingInformation='*:443:www.contoso.com',sslFlags='1']}.
 */
final class SitesApi {

    private final Commits commits;

    SitesApi(Commits commits) {
        this.commits = commits;
    }

    void mount(AdminApi api) {
        api.post("/sites", this::add);
        api.get("/sites", this::list);
        api.get("/sites/:name", this::show);
        api.delete("/sites/:name", this::delete);
        api.post("/sites/:name/bindings", this::addBinding);
        api.delete("/sites/:name/bindings", this::deleteBinding);
        api.post("/sites/:name/workers", this::addWorker);
        api.delete("/sites/:name/workers", this::deleteWorker);
    }

    private AdminApi.Reply add(ApiRequest r) {
        String name = BadInput.parse("name", r.field("name"), Site::checkName);
        int flags = flags(r);
        List<SiteBinding> bindings = new ArrayList<>();
        for (String b : strings(r, "bindings")) {
            bindings.add(binding(b, flags));
        }
        List<URI> workers = new ArrayList<>();
        for (String w : strings(r, "workers")) {
            workers.add(BadInput.parse("workers", w, Site::parseWorker));
        }
        Long id = r.field("id") == null ? null : BadInput.number("id", r.field("id"), 1, Long.MAX_VALUE);
        try {
            new Site(name, id == null ? 1 : id, bindings, workers);
        } catch (IllegalArgumentException e) {
            String field = String.valueOf(e.getMessage()).contains("worker") ? "workers" : "bindings";
            throw new BadInput(field, null, e.getMessage());
        }
        Site[] made = new Site[1];
        ChangeRecord rec = commits.commit(r, s -> {
            made[0] = new Site(name, id != null ? id : s.nextSiteId(), bindings, workers);
            return new ConfigChange.PutSite(made[0], ConfigChange.Mode.ADD);
        });
        return AdminApi.Reply.created(new JsonObject().put("version", rec.version()).put("site", ConfigJson.site(made[0])));
    }

    private JsonObject list(ApiRequest r) {
        ConfigSnapshot s = commits.current();
        JsonArray a = new JsonArray();
        s.sites().forEach(site -> a.add(ConfigJson.site(site)));
        return new JsonObject().put("version", s.version()).put("sites", a);
    }

    private JsonObject show(ApiRequest r) {
        ConfigSnapshot s = commits.current();
        return new JsonObject().put("version", s.version()).put("site", ConfigJson.site(site(s, r.path("name"))));
    }

    private JsonObject delete(ApiRequest r) {
        String name = BadInput.parse("name", r.path("name"), Site::checkName);
        ChangeRecord rec = commits.commit(r, s -> new ConfigChange.DeleteSite(site(s, name).name()));
        return new JsonObject().put("version", rec.version()).put("deleted", name);
    }

    private JsonObject addBinding(ApiRequest r) {
        SiteBinding b = binding(r.field("binding"), flags(r));
        return change(r, site -> {
            for (SiteBinding x : site.bindings()) {
                if (same(x, b)) {
                    throw new ConfigException.Conflict("site " + site.name() + " already has binding " + AppcmdCodec.toShortForm(b));
                }
            }
            List<SiteBinding> list = new ArrayList<>(site.bindings());
            list.add(b);
            return site.withBindings(list);
        });
    }

    private JsonObject deleteBinding(ApiRequest r) {
        SiteBinding b = binding(r.field("binding"), 0);
        return change(r, site -> {
            List<SiteBinding> list = new ArrayList<>(site.bindings());
            if (!list.removeIf(x -> same(x, b))) {
                throw new ConfigException.NotFound("site " + site.name() + " has no binding " + AppcmdCodec.toShortForm(b));
            }
            return site.withBindings(list);
        });
    }

    private JsonObject addWorker(ApiRequest r) {
        URI w = BadInput.parse("url", r.field("url"), Site::parseWorker);
        return change(r, site -> {
            if (site.workers().contains(w)) {
                throw new ConfigException.Conflict("site " + site.name() + " already has worker " + w);
            }
            List<URI> list = new ArrayList<>(site.workers());
            list.add(w);
            return site.withWorkers(list);
        });
    }

    private JsonObject deleteWorker(ApiRequest r) {
        URI w = BadInput.parse("url", r.field("url"), Site::parseWorker);
        return change(r, site -> {
            List<URI> list = new ArrayList<>(site.workers());
            if (!list.remove(w)) {
                throw new ConfigException.NotFound("site " + site.name() + " has no worker " + w);
            }
            return site.withWorkers(list);
        });
    }

    /** Read-modify-write of one site under the version check. */
    private JsonObject change(ApiRequest r, UnaryOperator<Site> edit) {
        String name = BadInput.parse("name", r.path("name"), Site::checkName);
        Site[] after = new Site[1];
        ChangeRecord rec = commits.commit(r, s -> {
            after[0] = edit.apply(site(s, name));
            return new ConfigChange.PutSite(after[0], ConfigChange.Mode.UPDATE);
        });
        return new JsonObject().put("version", rec.version()).put("site", ConfigJson.site(after[0]));
    }

    private static Site site(ConfigSnapshot s, String name) {
        Site site = s.site(BadInput.parse("name", name, Site::checkName));
        if (site == null) {
            throw new ConfigException.NotFound("site not found: " + name);
        }
        return site;
    }

    /** IIS keys a site's bindings by protocol and bindingInformation. */
    private static boolean same(SiteBinding a, SiteBinding b) {
        return a.protocol() == b.protocol() && a.bindingInformation().equals(b.bindingInformation());
    }

    /** sslFlags for short-form https bindings: {@code sslFlags}, or {@code sni} (1) and {@code ccs} (2). */
    private static int flags(ApiRequest r) {
        if (r.field("sslFlags") != null) {
            return (int) BadInput.number("sslFlags", r.field("sslFlags"), 0, 3);
        }
        return (r.flag("sni", false) ? SiteBinding.SSL_SNI : 0) | (r.flag("ccs", false) ? SiteBinding.SSL_CCS : 0);
    }

    /** Parses either appcmd form; {@code flags} apply to short-form https bindings only. */
    static SiteBinding binding(String text, int flags) {
        return BadInput.parse("binding", text, t -> {
            SiteBinding b = AppcmdCodec.parse(t, 0);
            boolean explicit = t.toLowerCase(Locale.ROOT).contains("sslflags");
            return b.isHttps() && !explicit && flags != 0 ? AppcmdCodec.parse(t, flags) : b;
        });
    }

    /** A JSON array of strings, or one string. */
    private static List<String> strings(ApiRequest r, String field) {
        Object v = r.json().getValue(field);
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray a) {
            a.forEach(x -> out.add(String.valueOf(x)));
        } else if (v != null) {
            out.add(v.toString());
        }
        return out;
    }
}
