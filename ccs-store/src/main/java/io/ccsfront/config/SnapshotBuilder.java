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
import io.ccsfront.name.CcsKeys;
import io.ccsfront.site.Site;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Builds a {@link ConfigSnapshot}: accumulates edits over a base snapshot and builds the next one, copying only the shards it
 * touched. Reads through the builder see its own edits (a batch validates change by change).
 * Puts here are unchecked; {@link ConfigSnapshot#apply} runs the checks first.
 */
public final class SnapshotBuilder {

    private long version;
    private final Map<String, String> stores;
    private final Layer<CertRef, StoredCertificate> certificates;
    private final Layer<String, StoredCertificate> ccs;
    private final Layer<IpPort, IpPortBinding> ipPorts;
    private final Layer<HostPort, HostnamePortBinding> hostPorts;
    private final Map<Integer, CcsBinding> ccsPorts;
    private final Layer<String, Site> sites;
    private final Layer<RouteKey, List<Route>> routes;
    private final Map<Thumbprint, PendingRequest> pending;
    private String chain;

    SnapshotBuilder(ConfigSnapshot base) {
        this.version = base.version;
        this.chain = base.chain;
        this.stores = new TreeMap<>(base.stores);
        this.certificates = new Layer<>(base.certificates);
        this.ccs = new Layer<>(base.ccs);
        this.ipPorts = new Layer<>(base.ipPorts);
        this.hostPorts = new Layer<>(base.hostPorts);
        this.ccsPorts = new TreeMap<>(base.ccsPorts);
        this.sites = new Layer<>(base.sites);
        this.routes = new Layer<>(base.routes);
        this.pending = new HashMap<>(base.pending);
    }

    public SnapshotBuilder version(long v) {
        this.version = v;
        return this;
    }

    public SnapshotBuilder chain(String c) {
        this.chain = c;
        return this;
    }

    public SnapshotBuilder createStore(String name) {
        String display = CertStoreNames.normalize(name);
        stores.putIfAbsent(CertStoreNames.key(display), display);
        return this;
    }

    boolean hasStore(String name) {
        return stores.containsKey(CertStoreNames.key(name));
    }

    public SnapshotBuilder putCertificate(String store, StoredCertificate c) {
        createStore(store);
        certificates.put(new CertRef(store, c.thumbprint()), c);
        return this;
    }

    SnapshotBuilder removeCertificate(String store, Thumbprint t) {
        certificates.remove(new CertRef(store, t));
        return this;
    }

    StoredCertificate certificate(String store, Thumbprint t) {
        return certificates.get(new CertRef(store, t));
    }

    public SnapshotBuilder putCcs(String key, StoredCertificate c) {
        ccs.put(CcsKeys.normalize(key), c);
        return this;
    }

    SnapshotBuilder removeCcs(String key) {
        ccs.remove(key);
        return this;
    }

    StoredCertificate ccs(String key) {
        return ccs.get(key);
    }

    /** Every CCS entry as the builder sees it now, including this batch's puts and removes. */
    void forEachCcs(BiConsumer<String, StoredCertificate> action) {
        ccs.forEach(action);
    }

    public SnapshotBuilder putBinding(SslBinding b) {
        if (b instanceof IpPortBinding ip) {
            ipPorts.put(ip.ipPort(), ip);
        } else if (b instanceof HostnamePortBinding h) {
            hostPorts.put(new HostPort(h.hostname(), h.port()), h);
        } else {
            ccsPorts.put(b.port(), (CcsBinding) b);
        }
        return this;
    }

    SslBinding binding(BindingKey key) {
        return ConfigSnapshot.lookup(key, ipPorts::get, hostPorts::get, ccsPorts::get);
    }

    SnapshotBuilder removeBinding(BindingKey key) {
        switch (key.kind()) {
            case IPPORT -> ipPorts.remove(IpPort.parse(key.value()));
            case HOSTNAMEPORT -> {
                int c = key.value().lastIndexOf(':');
                hostPorts.remove(new HostPort(key.value().substring(0, c), Integer.parseInt(key.value().substring(c + 1))));
            }
            default -> ccsPorts.remove(Integer.parseInt(key.value()));
        }
        return this;
    }

    /** Every ipport and hostnameport binding as the builder sees it now. */
    List<SslBinding> certificateBindings() {
        List<SslBinding> out = new ArrayList<>();
        out.addAll(ipPorts.values());
        out.addAll(hostPorts.values());
        return out;
    }

    public SnapshotBuilder putSite(Site s) {
        Site old = sites.get(Site.key(s.name()));
        if (old != null) {
            unroute(old);
        }
        sites.put(Site.key(s.name()), s);
        for (SiteBinding b : s.bindings()) {
            RouteKey k = new RouteKey(b.protocol(), b.port(), b.host());
            List<Route> list = new ArrayList<>(routeList(k));
            list.add(new Route(b.address(), Site.key(s.name()), s.id(), b));
            list.sort(Comparator.comparingLong(Route::siteId));
            routes.put(k, List.copyOf(list));
        }
        return this;
    }

    SnapshotBuilder removeSite(String name) {
        Site old = sites.get(Site.key(name));
        if (old != null) {
            unroute(old);
            sites.remove(Site.key(name));
        }
        return this;
    }

    Site site(String name) {
        return sites.get(Site.key(name));
    }

    List<Site> sites() {
        return sites.values();
    }

    private void unroute(Site s) {
        String key = Site.key(s.name());
        for (SiteBinding b : s.bindings()) {
            RouteKey k = new RouteKey(b.protocol(), b.port(), b.host());
            List<Route> list = new ArrayList<>(routeList(k));
            list.removeIf(r -> r.siteKey().equals(key) && r.binding().equals(b));
            if (list.isEmpty()) {
                routes.remove(k);
            } else {
                routes.put(k, List.copyOf(list));
            }
        }
    }

    private List<Route> routeList(RouteKey k) {
        List<Route> l = routes.get(k);
        return l == null ? List.of() : l;
    }

    public SnapshotBuilder putPending(PendingRequest r) {
        pending.put(r.id(), r);
        return this;
    }

    SnapshotBuilder removePending(Thumbprint id) {
        pending.remove(id);
        return this;
    }

    PendingRequest pending(Thumbprint id) {
        return pending.get(id);
    }

    public ConfigSnapshot build() {
        return new ConfigSnapshot(version, Map.copyOf(stores), certificates.commit(), ccs.commit(), ipPorts.commit(),
                hostPorts.commit(), Map.copyOf(ccsPorts), sites.commit(), routes.commit(), Map.copyOf(pending), chain);
    }

    /** A base map plus pending puts and removes. */
    private static final class Layer<K, V> {
        final ShardedMap<K, V> base;
        final Map<K, V> puts = new HashMap<>();
        final Set<K> removes = new LinkedHashSet<>();

        Layer(ShardedMap<K, V> base) {
            this.base = base;
        }

        V get(K k) {
            if (removes.contains(k)) {
                return null;
            }
            V v = puts.get(k);
            return v != null ? v : base.get(k);
        }

        void put(K k, V v) {
            removes.remove(k);
            puts.put(k, v);
        }

        void remove(K k) {
            puts.remove(k);
            removes.add(k);
        }

        void forEach(BiConsumer<K, V> action) {
            base.forEach((k, v) -> {
                if (!removes.contains(k) && !puts.containsKey(k)) {
                    action.accept(k, v);
                }
            });
            puts.forEach(action);
        }

        List<V> values() {
            List<V> out = new ArrayList<>();
            base.forEach((k, v) -> {
                if (!removes.contains(k) && !puts.containsKey(k)) {
                    out.add(v);
                }
            });
            out.addAll(puts.values());
            return out;
        }

        ShardedMap<K, V> commit() {
            if (puts.isEmpty() && removes.isEmpty()) {
                return base;
            }
            return base.withAll(puts, removes);
        }
    }
}
