package io.ccsfront.config;

import io.ccsfront.binding.BindingKey;
import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.CertStoreNames;
import io.ccsfront.binding.HostnamePortBinding;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.binding.SslBinding;
import io.ccsfront.cert.PendingRequest;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.site.Site;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The whole configuration at one version, immutable: the certificate stores, the Central
 * Certificate Store, the SSL bindings, the sites and the pending certificate requests, with
 * the indexes the per-handshake and per-request paths read. Readers never lock; a change
 * builds a new snapshot ({@link #apply}) that is published with one reference swap.
 */
public final class ConfigSnapshot {

    private static final ConfigSnapshot EMPTY = new ConfigSnapshot(0,
            Map.of(CertStoreNames.key(CertStoreNames.MY), CertStoreNames.MY,
                    CertStoreNames.key(CertStoreNames.WEB_HOSTING), CertStoreNames.WEB_HOSTING),
            ShardedMap.empty(), ShardedMap.empty(), ShardedMap.empty(), ShardedMap.empty(), Map.of(),
            ShardedMap.empty(), ShardedMap.empty(), Map.of(), "");

    final long version;
    final Map<String, String> stores;
    final ShardedMap<CertRef, StoredCertificate> certificates;
    final ShardedMap<String, StoredCertificate> ccs;
    final ShardedMap<IpPort, IpPortBinding> ipPorts;
    final ShardedMap<HostPort, HostnamePortBinding> hostPorts;
    final Map<Integer, CcsBinding> ccsPorts;
    final ShardedMap<String, Site> sites;
    final ShardedMap<RouteKey, List<Route>> routes;
    final Map<Thumbprint, PendingRequest> pending;
    final String chain;

    ConfigSnapshot(long version, Map<String, String> stores, ShardedMap<CertRef, StoredCertificate> certificates,
                   ShardedMap<String, StoredCertificate> ccs, ShardedMap<IpPort, IpPortBinding> ipPorts,
                   ShardedMap<HostPort, HostnamePortBinding> hostPorts, Map<Integer, CcsBinding> ccsPorts,
                   ShardedMap<String, Site> sites, ShardedMap<RouteKey, List<Route>> routes,
                   Map<Thumbprint, PendingRequest> pending, String chain) {
        this.version = version;
        this.chain = chain == null ? "" : chain;
        this.stores = stores;
        this.certificates = certificates;
        this.ccs = ccs;
        this.ipPorts = ipPorts;
        this.hostPorts = hostPorts;
        this.ccsPorts = ccsPorts;
        this.sites = sites;
        this.routes = routes;
        this.pending = pending;
    }

    /** Version 0: the stores {@code MY} and {@code WebHosting}, nothing else. */
    public static ConfigSnapshot empty() {
        return EMPTY;
    }

    /**
     * A builder that puts objects without the referential checks {@link #apply} makes (a binding
     * may name a missing certificate): for loading stored data as it is, and for tests of how
     * broken configurations are handled.
     */
    public static SnapshotBuilder builder() {
        return new SnapshotBuilder(EMPTY);
    }

    public SnapshotBuilder toBuilder() {
        return new SnapshotBuilder(this);
    }

    /** Applies one change: a new snapshot at {@code version() + 1}; this one is unchanged. */
    public ConfigSnapshot apply(ConfigChange change) {
        SnapshotBuilder b = toBuilder();
        ChangeApplier.apply(this, b, change);
        return b.version(version + 1).build();
    }

    /** Applies {@code change} only when this snapshot is at {@code expectedVersion}. */
    public ConfigSnapshot apply(ConfigChange change, long expectedVersion) {
        if (expectedVersion != version) {
            throw new ConfigException.StaleVersion(expectedVersion, version);
        }
        return apply(change);
    }

    public long version() {
        return version;
    }

    /**
     * The history's hash chain at this version: SHA-256 over the previous chain value and each
     * applied record ({@link ChangeRecord#applyTo}). Nodes that applied the same history hold the
     * same value; a record computed on another history is refused instead of applied. Empty for
     * snapshots built without records.
     */
    public String chain() {
        return chain;
    }

    /** This snapshot with another chain value (the maps are shared). */
    public ConfigSnapshot withChain(String c) {
        return new ConfigSnapshot(version, stores, certificates, ccs, ipPorts, hostPorts, ccsPorts, sites, routes, pending, c);
    }

    // ---- certificate stores -------------------------------------------------------------

    /** Store display names ({@code MY}, {@code WebHosting}, …), sorted. */
    public List<String> storeNames() {
        return stores.values().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    public boolean hasStore(String name) {
        return stores.containsKey(CertStoreNames.key(name));
    }

    public StoredCertificate certificate(String store, Thumbprint thumbprint) {
        return certificates.get(new CertRef(store, thumbprint));
    }

    /** The certificate with this thumbprint in any store or the CCS, or null. */
    public StoredCertificate findCertificate(Thumbprint thumbprint) {
        for (String s : stores.keySet()) {
            StoredCertificate c = certificates.get(new CertRef(s, thumbprint));
            if (c != null) {
                return c;
            }
        }
        StoredCertificate[] found = new StoredCertificate[1];
        ccs.forEach((k, c) -> {
            if (found[0] == null && c.thumbprint().equals(thumbprint)) {
                found[0] = c;
            }
        });
        return found[0];
    }

    /** Every (store, certificate) pair, sorted by store then thumbprint. */
    public List<Map.Entry<CertRef, StoredCertificate>> storeCertificates() {
        List<Map.Entry<CertRef, StoredCertificate>> out = new ArrayList<>(certificates.size());
        certificates.forEach((k, v) -> out.add(Map.entry(k, v)));
        out.sort(Comparator.comparing((Map.Entry<CertRef, StoredCertificate> e) -> e.getKey().store())
                .thenComparing(e -> e.getKey().thumbprint()));
        return out;
    }

    public int certificateCount() {
        return certificates.size();
    }

    // ---- the Central Certificate Store ------------------------------------------------------

    /** The CCS entry for a normalised key ({@code www.a.com} or {@code _.a.com}), or null. */
    public StoredCertificate ccs(String key) {
        return ccs.get(key);
    }

    public List<String> ccsKeys() {
        List<String> keys = ccs.keys();
        keys.sort(null);
        return keys;
    }

    public int ccsSize() {
        return ccs.size();
    }

    public void forEachCcs(BiConsumer<String, StoredCertificate> action) {
        ccs.forEach(action);
    }

    // ---- SSL bindings -----------------------------------------------------------------------

    public IpPortBinding ipPortBinding(IpPort ipPort) {
        return ipPorts.get(ipPort);
    }

    public HostnamePortBinding hostnamePortBinding(String host, int port) {
        return hostPorts.get(new HostPort(host, port));
    }

    public CcsBinding ccsBinding(int port) {
        return ccsPorts.get(port);
    }

    public SslBinding binding(BindingKey key) {
        return lookup(key, ipPorts::get, hostPorts::get, ccsPorts::get);
    }

    /** The binding {@code key} names, from the three tables (one lookup, no scan); shared with {@link SnapshotBuilder}. */
    static SslBinding lookup(BindingKey key, Function<IpPort, ? extends SslBinding> ipPort,
                             Function<HostPort, ? extends SslBinding> hostPort,
                             Function<Integer, ? extends SslBinding> ccsPort) {
        switch (key.kind()) {
            case IPPORT:
                return ipPort.apply(IpPort.parse(key.value()));
            case HOSTNAMEPORT: {
                int c = key.value().lastIndexOf(':');
                return hostPort.apply(new HostPort(key.value().substring(0, c), Integer.parseInt(key.value().substring(c + 1))));
            }
            default:
                return ccsPort.apply(Integer.parseInt(key.value()));
        }
    }

    /** All SSL bindings, sorted by kind then key. */
    public List<SslBinding> bindings() {
        List<SslBinding> out = new ArrayList<>(ipPorts.size() + hostPorts.size() + ccsPorts.size());
        out.addAll(ipPorts.values());
        out.addAll(hostPorts.values());
        out.addAll(ccsPorts.values());
        out.sort(Comparator.comparing(SslBinding::key));
        return out;
    }

    /** The ipport/hostnameport bindings that name {@code thumbprint}. */
    public List<SslBinding> bindingsUsing(Thumbprint thumbprint) {
        List<SslBinding> out = new ArrayList<>();
        for (SslBinding b : bindings()) {
            if (thumbprint.equals(b.certHash())) {
                out.add(b);
            }
        }
        return out;
    }

    /** The CCS keys whose certificate is {@code thumbprint}, sorted. */
    public List<String> ccsKeysUsing(Thumbprint thumbprint) {
        List<String> out = new ArrayList<>();
        ccs.forEach((k, c) -> {
            if (c.thumbprint().equals(thumbprint)) {
                out.add(k);
            }
        });
        out.sort(null);
        return out;
    }

    // ---- sites ----------------------------------------------------------------------------

    public Site site(String name) {
        return sites.get(Site.key(name));
    }

    /** All sites, sorted by id. */
    public List<Site> sites() {
        List<Site> out = sites.values();
        out.sort(Comparator.comparingLong(Site::id));
        return out;
    }

    public int siteCount() {
        return sites.size();
    }

    /** The id a new site gets: one more than the highest. */
    public long nextSiteId() {
        long[] max = {0};
        sites.forEach((k, s) -> max[0] = Math.max(max[0], s.id()));
        return max[0] + 1;
    }

    /** Routing index entries for (protocol, port, host), or an empty list. */
    public List<Route> routes(SiteBinding.Protocol protocol, int port, String host) {
        List<Route> r = routes.get(new RouteKey(protocol, port, host));
        return r == null ? List.of() : r;
    }

    /**
     * The site a request belongs to (SPEC.md §3): exact IP + port + host, then {@code *} + port +
     * host, then exact IP + port + empty host, then {@code *} + port + empty host. Null when none.
     */
    public Route route(SiteBinding.Protocol protocol, InetAddress local, int port, String host) {
        if (host != null && !host.isEmpty()) {
            Route r = pick(routes(protocol, port, host), local);
            if (r != null) {
                return r;
            }
        }
        return pick(routes(protocol, port, ""), local);
    }

    private static Route pick(List<Route> candidates, InetAddress local) {
        Route any = null;
        for (Route r : candidates) {
            if (r.address() == null) {
                if (any == null) {
                    any = r;
                }
            } else if (r.address().equals(local)) {
                return r;
            }
        }
        return any;
    }

    // ---- pending requests ------------------------------------------------------------------

    public PendingRequest pendingRequest(Thumbprint id) {
        return pending.get(id);
    }

    public List<PendingRequest> pendingRequests() {
        return pending.values().stream().sorted(Comparator.comparing(PendingRequest::created)).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigSnapshot s && version == s.version && chain.equals(s.chain) && stores.equals(s.stores)
                && certificates.equals(s.certificates) && ccs.equals(s.ccs) && ipPorts.equals(s.ipPorts)
                && hostPorts.equals(s.hostPorts) && ccsPorts.equals(s.ccsPorts) && sites.equals(s.sites)
                && pending.equals(s.pending);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, certificates.size(), ccs.size(), sites.size());
    }

    @Override
    public String toString() {
        return "ConfigSnapshot[version " + version + ", " + certificates.size() + " store certificates, " + ccs.size()
                + " CCS entries, " + (ipPorts.size() + hostPorts.size() + ccsPorts.size()) + " SSL bindings, "
                + sites.size() + " sites]";
    }
}
