package io.ccsfront.config;

import io.ccsfront.binding.BindingKey;
import io.ccsfront.binding.CertStoreNames;
import io.ccsfront.binding.SslBinding;
import io.ccsfront.cert.PendingRequest;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.name.CcsKeys;
import io.ccsfront.site.Site;
import java.util.List;
import java.util.Objects;

/**
 * One change to the configuration. {@link ConfigSnapshot#apply} is a pure, deterministic
 * function of (snapshot, change), so every node that applies the same changes in the same
 * order holds the same configuration. A {@link Batch} applies atomically: all or nothing.
 */
public sealed interface ConfigChange {

    /** One line for logs and the audit trail; never key material. */
    String describe();

    record CreateStore(String name) implements ConfigChange {
        public CreateStore {
            name = CertStoreNames.normalize(name);
        }

        public String describe() {
            return "create store " + name;
        }
    }

    record PutCertificate(String store, StoredCertificate certificate) implements ConfigChange {
        public PutCertificate {
            store = CertStoreNames.normalize(store);
            Objects.requireNonNull(certificate, "certificate");
        }

        public String describe() {
            return "put certificate " + certificate.thumbprint() + " into store " + store;
        }
    }

    record DeleteCertificate(String store, Thumbprint thumbprint) implements ConfigChange {
        public DeleteCertificate {
            store = CertStoreNames.normalize(store);
            Objects.requireNonNull(thumbprint, "thumbprint");
        }

        public String describe() {
            return "delete certificate " + thumbprint + " from store " + store;
        }
    }

    record PutCcs(String key, StoredCertificate certificate) implements ConfigChange {
        public PutCcs {
            key = CcsKeys.normalize(key);
            Objects.requireNonNull(certificate, "certificate");
        }

        public String describe() {
            return "put CCS " + key + " -> " + certificate.thumbprint();
        }
    }

    record DeleteCcs(String key) implements ConfigChange {
        public DeleteCcs {
            key = CcsKeys.normalize(key);
        }

        public String describe() {
            return "delete CCS " + key;
        }
    }

    /** Mode ADD refuses an existing key (netsh add), UPDATE refuses a missing one (netsh update), PUT does either. */
    enum Mode { ADD, UPDATE, PUT }

    record PutBinding(SslBinding binding, Mode mode) implements ConfigChange {
        public PutBinding {
            Objects.requireNonNull(binding, "binding");
            Objects.requireNonNull(mode, "mode");
        }

        public String describe() {
            return (mode == Mode.ADD ? "add" : mode == Mode.UPDATE ? "update" : "put") + " sslcert " + binding;
        }
    }

    record DeleteBinding(BindingKey key) implements ConfigChange {
        public DeleteBinding {
            Objects.requireNonNull(key, "key");
        }

        public String describe() {
            return "delete sslcert " + key;
        }
    }

    record PutSite(Site site, Mode mode) implements ConfigChange {
        public PutSite {
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(mode, "mode");
        }

        public String describe() {
            return (mode == Mode.ADD ? "add" : "put") + " site " + site.name() + " " + site.bindings() + " workers " + site.workers();
        }
    }

    record DeleteSite(String name) implements ConfigChange {
        public DeleteSite {
            name = Site.checkName(name);
        }

        public String describe() {
            return "delete site " + name;
        }
    }

    /**
     * Replace {@code from} by {@code to} in every {@code ipport}/{@code hostnameport} binding and
     * every CCS entry that holds it, in one step. {@code to} is put into each store a rotated
     * binding names, so no binding is ever left without its certificate.
     */
    record Rotate(Thumbprint from, StoredCertificate to) implements ConfigChange {
        public Rotate {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.equals(to.thumbprint())) {
                throw new IllegalArgumentException("rotation needs two different certificates: " + from);
            }
        }

        public String describe() {
            return "rotate " + from + " -> " + to.thumbprint();
        }
    }

    record PutPendingRequest(PendingRequest request) implements ConfigChange {
        public PutPendingRequest {
            Objects.requireNonNull(request, "request");
        }

        public String describe() {
            return "create certificate request " + request.id() + " " + request.subject();
        }
    }

    record DeletePendingRequest(Thumbprint id) implements ConfigChange {
        public DeletePendingRequest {
            Objects.requireNonNull(id, "id");
        }

        public String describe() {
            return "delete certificate request " + id;
        }
    }

    /** Several changes applied as one: all or nothing, one version step. */
    record Batch(List<ConfigChange> changes) implements ConfigChange {
        public Batch {
            changes = List.copyOf(changes);
            if (changes.isEmpty()) {
                throw new IllegalArgumentException("a batch needs at least one change");
            }
        }

        public String describe() {
            return changes.size() == 1 ? changes.get(0).describe()
                    : "batch of " + changes.size() + " changes, first: " + changes.get(0).describe();
        }
    }
}
