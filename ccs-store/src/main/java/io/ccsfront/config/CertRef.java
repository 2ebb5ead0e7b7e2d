package io.ccsfront.config;

import io.ccsfront.binding.CertStoreNames;
import io.ccsfront.cert.Thumbprint;
import java.util.Objects;

/** A certificate in a thumbprint store: (store, thumbprint). The store part is the case-insensitive key. */
public record CertRef(String store, Thumbprint thumbprint) {

    public CertRef {
        store = CertStoreNames.key(store);
        Objects.requireNonNull(thumbprint, "thumbprint");
    }

    @Override
    public String toString() {
        return store + "\\" + thumbprint;
    }
}
