package io.ccsfront.config;

import io.ccsfront.binding.SslBinding;
import io.ccsfront.cert.PendingRequest;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.config.ConfigChange.Batch;
import io.ccsfront.config.ConfigChange.CreateStore;
import io.ccsfront.config.ConfigChange.DeleteBinding;
import io.ccsfront.config.ConfigChange.DeleteCcs;
import io.ccsfront.config.ConfigChange.DeleteCertificate;
import io.ccsfront.config.ConfigChange.DeletePendingRequest;
import io.ccsfront.config.ConfigChange.DeleteSite;
import io.ccsfront.config.ConfigChange.Mode;
import io.ccsfront.config.ConfigChange.PutBinding;
import io.ccsfront.config.ConfigChange.PutCcs;
import io.ccsfront.config.ConfigChange.PutCertificate;
import io.ccsfront.config.ConfigChange.PutPendingRequest;
import io.ccsfront.config.ConfigChange.PutSite;
import io.ccsfront.config.ConfigChange.Rotate;
import io.ccsfront.site.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The checks and effects of each {@link ConfigChange}; a failed check throws and nothing is applied. */
final class ChangeApplier {

    private ChangeApplier() {
    }

    static void apply(ConfigSnapshot base, SnapshotBuilder b, ConfigChange change) {
        if (change instanceof Batch batch) {
            for (ConfigChange c : batch.changes()) {
                apply(base, b, c);
            }
        } else if (change instanceof CreateStore c) {
            if (b.hasStore(c.name())) {
                throw new ConfigException.Conflict("certificate store already exists: " + c.name());
            }
            b.createStore(c.name());
        } else if (change instanceof PutCertificate c) {
            requireStore(b, c.store());
            StoredCertificate old = b.certificate(c.store(), c.certificate().thumbprint());
            if (old != null && old.hasPrivateKey() && !c.certificate().hasPrivateKey()) {
                throw new ConfigException.Conflict("certificate " + c.certificate().thumbprint() + " in store " + c.store()
                        + " has a private key; importing it without one would lose the key");
            }
            b.putCertificate(c.store(), c.certificate());
        } else if (change instanceof DeleteCertificate c) {
            requireStore(b, c.store());
            if (b.certificate(c.store(), c.thumbprint()) == null) {
                throw new ConfigException.NotFound("certificate " + c.thumbprint() + " not found in store " + c.store());
            }
            List<String> users = b.certificateBindings().stream()
                    .filter(x -> c.thumbprint().equals(x.certHash()) && x.certStoreName().equalsIgnoreCase(c.store()))
                    .map(x -> x.key().toString()).sorted().toList();
            if (!users.isEmpty()) {
                throw new ConfigException.Conflict("certificate " + c.thumbprint() + " is still bound: " + String.join(", ", users));
            }
            b.removeCertificate(c.store(), c.thumbprint());
        } else if (change instanceof PutCcs c) {
            b.putCcs(c.key(), c.certificate());
        } else if (change instanceof DeleteCcs c) {
            if (b.ccs(c.key()) == null) {
                throw new ConfigException.NotFound("CCS entry not found: " + c.key());
            }
            b.removeCcs(c.key());
        } else if (change instanceof PutBinding c) {
            putBinding(b, c);
        } else if (change instanceof DeleteBinding c) {
            if (b.binding(c.key()) == null) {
                throw new ConfigException.NotFound("SSL binding not found: " + c.key());
            }
            b.removeBinding(c.key());
        } else if (change instanceof PutSite c) {
            putSite(b, c);
        } else if (change instanceof DeleteSite c) {
            if (b.site(c.name()) == null) {
                throw new ConfigException.NotFound("site not found: " + c.name());
            }
            b.removeSite(c.name());
        } else if (change instanceof Rotate c) {
            rotate(b, c);
        } else if (change instanceof PutPendingRequest c) {
            b.putPending(c.request());
        } else if (change instanceof DeletePendingRequest c) {
            if (b.pending(c.id()) == null) {
                throw new ConfigException.NotFound("certificate request not found: " + c.id());
            }
            b.removePending(c.id());
        } else {
            throw new IllegalArgumentException("unknown change: " + change);
        }
    }

    private static void requireStore(SnapshotBuilder b, String store) {
        if (!b.hasStore(store)) {
            throw new ConfigException.NotFound("certificate store not found: " + store);
        }
    }

    private static void putBinding(SnapshotBuilder b, PutBinding c) {
        SslBinding nb = c.binding();
        SslBinding existing = b.binding(nb.key());
        if (c.mode() == Mode.ADD && existing != null) {
            throw new ConfigException.Conflict("SSL binding already exists: " + nb.key()
                    + " (delete it first, or use update)");
        }
        if (c.mode() == Mode.UPDATE && existing == null) {
            throw new ConfigException.NotFound("SSL binding not found: " + nb.key());
        }
        if (nb.certHash() != null) {
            requireStore(b, nb.certStoreName());
            StoredCertificate cert = b.certificate(nb.certStoreName(), nb.certHash());
            if (cert == null) {
                throw new ConfigException.NotFound("certificate " + nb.certHash() + " not found in store " + nb.certStoreName());
            }
            if (!cert.hasPrivateKey()) {
                throw new ConfigException.Conflict("certificate " + nb.certHash() + " has no private key and cannot serve TLS");
            }
        }
        b.putBinding(nb);
    }

    private static void putSite(SnapshotBuilder b, PutSite c) {
        Site old = b.site(c.site().name());
        if (c.mode() == Mode.ADD && old != null) {
            throw new ConfigException.Conflict("site already exists: " + c.site().name());
        }
        if (c.mode() == Mode.UPDATE && old == null) {
            throw new ConfigException.NotFound("site not found: " + c.site().name());
        }
        for (Site s : b.sites()) {
            if (s.id() == c.site().id() && !Site.key(s.name()).equals(Site.key(c.site().name()))) {
                throw new ConfigException.Conflict("site id " + c.site().id() + " is already used by site " + s.name());
            }
        }
        b.putSite(c.site());
    }

    private static void rotate(SnapshotBuilder b, Rotate c) {
        Thumbprint from = c.from();
        StoredCertificate to = c.to();
        if (!to.hasPrivateKey()) {
            throw new ConfigException.Conflict("rotation target " + to.thumbprint() + " has no private key");
        }
        List<SslBinding> bound = new ArrayList<>();
        for (SslBinding x : b.certificateBindings()) {
            if (from.equals(x.certHash())) {
                bound.add(x);
            }
        }
        List<String> ccsKeys = new ArrayList<>();
        b.forEachCcs((k, v) -> {
            if (v.thumbprint().equals(from)) {
                ccsKeys.add(k);
            }
        });
        if (bound.isEmpty() && ccsKeys.isEmpty()) {
            throw new ConfigException.NotFound("no SSL binding or CCS entry holds certificate " + from);
        }
        for (String store : bound.stream().map(SslBinding::certStoreName).collect(Collectors.toCollection(TreeSet::new))) {
            if (b.certificate(store, to.thumbprint()) == null) {
                b.putCertificate(store, to);
            }
        }
        for (SslBinding x : bound) {
            b.putBinding(x.withCertHash(to.thumbprint()));
        }
        for (String k : ccsKeys) {
            b.putCcs(k, to);
        }
    }
}
