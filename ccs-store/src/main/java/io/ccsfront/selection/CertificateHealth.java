package io.ccsfront.selection;

import io.ccsfront.cert.Thumbprint;

/**
 * What the front end learned of certificates at run time: a certificate whose key failed to
 * load is unusable even though the configuration holds it. The selector asks this before
 * choosing a certificate; the pure default says every certificate is usable.
 */
@FunctionalInterface
public interface CertificateHealth {

    CertificateHealth ALL_USABLE = t -> null;

    /** Null when usable, else a one-line reason ("key failed to load: …"). */
    String problem(Thumbprint thumbprint);
}
