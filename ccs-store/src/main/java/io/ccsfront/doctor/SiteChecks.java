package io.ccsfront.doctor;

import io.ccsfront.binding.BindingKey;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.binding.SslBinding;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.site.Site;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Findings about how sites share things: two sites with the same binding, and certificate
 * bindings several sites' handshakes depend on.
 */
final class SiteChecks {

    /** How many site names a finding lists before "and N more". */
    static final int LIST_LIMIT = 20;

    private SiteChecks() {
    }

    static void check(ConfigSnapshot s, Map<BindingKey, List<Dependent>> dependents, List<Finding> out) {
        duplicates(s, out);
        shared(s, dependents, out);
    }

    /** Same protocol, address, port and host on two sites: routing sends the requests to the lowest id only. */
    private static void duplicates(ConfigSnapshot s, List<Finding> out) {
        Map<String, List<Site>> byBinding = new LinkedHashMap<>();
        for (Site site : s.sites()) {
            for (SiteBinding b : site.bindings()) {
                byBinding.computeIfAbsent(b.protocol().text() + "/" + b.bindingInformation(), k -> new ArrayList<>()).add(site);
            }
        }
        byBinding.forEach((binding, sites) -> {
            if (sites.size() < 2) {
                return;
            }
            List<String> names = sites.stream().map(Site::name).toList();
            out.add(new Finding(Severity.ERROR, FindingCode.DUPLICATE_SITE_BINDING, list(names), binding, null, null,
                    "sites " + list(names) + " all have the binding " + binding + "; requests go to " + names.get(0)
                            + " (lowest id) and never to the others.",
                    "remove the binding from all but one site: appcmd set site /site.name:<name> /-bindings.[protocol='"
                            + binding.substring(0, binding.indexOf('/')) + "',bindingInformation='"
                            + binding.substring(binding.indexOf('/') + 1) + "']."));
        });
    }

    /** A certificate-carrying SSL binding (not {@code ccs=}, whose sites each have their own certificate) used by several sites. */
    private static void shared(ConfigSnapshot s, Map<BindingKey, List<Dependent>> dependents, List<Finding> out) {
        dependents.forEach((key, deps) -> {
            if (key.kind() == BindingKey.Kind.CCS) {
                return;
            }
            Set<String> sites = new LinkedHashSet<>();
            deps.forEach(d -> sites.add(d.site()));
            if (sites.size() < 2) {
                return;
            }
            SslBinding b = s.binding(key);
            List<String> described = deps.stream().map(Dependent::toString).toList();
            out.add(new Finding(Severity.INFO, FindingCode.SHARED_SSL_BINDING, list(new ArrayList<>(sites)), key.toString(),
                    b == null || b.certHash() == null ? null : b.certHash().hex(), null,
                    sites.size() + " sites depend on " + key + ": " + list(described)
                            + "; deleting or rebinding it changes the certificate of all of them.",
                    "before deleting it, give each site its own SNI or CCS certificate; to replace its certificate for all "
                            + "of them at once use ccsctl rotate."));
        });
    }

    /** {@code a, b, c} or {@code a, b, … and 7 more}. */
    static String list(List<String> items) {
        if (items.size() <= LIST_LIMIT) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, LIST_LIMIT)) + " and " + (items.size() - LIST_LIMIT) + " more";
    }
}
