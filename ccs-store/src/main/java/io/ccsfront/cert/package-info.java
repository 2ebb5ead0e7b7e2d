/**
 * Certificates: identity ({@link io.ccsfront.cert.Thumbprint}), what the configuration holds
 * ({@link io.ccsfront.cert.StoredCertificate}, keys sealed by {@link io.ccsfront.cert.KeyProtector}),
 * and the operator's tools around them.
 *
 * <ul>
 *   <li>{@link io.ccsfront.cert.CertificateImporter} reads PFX, PEM, DER, P7B and the CCS
 *       {@code .crt} + {@code .key} pair into an {@link io.ccsfront.cert.ImportedCertificate}
 *       (chain leaf first).</li>
 *   <li>{@link io.ccsfront.cert.CertificateDetails} is what certutil shows, with
 *       {@link io.ccsfront.cert.CertificateWarning}s judged at an injected clock.</li>
 *   <li>{@link io.ccsfront.cert.CertificateRequests} creates and completes certificate requests
 *       ({@link io.ccsfront.cert.CsrSubject}, {@link io.ccsfront.cert.KeySpec}).</li>
 *   <li>{@link io.ccsfront.cert.PfxExporter} is the only way a key leaves: a PBES2/AES-256 PFX.</li>
 * </ul>
 *
 * <p>Failures are {@link io.ccsfront.cert.CertificateProblem}s with one-line messages:
 * {@link io.ccsfront.cert.WrongPasswordException}, {@link io.ccsfront.cert.KeyMismatchException},
 * {@link io.ccsfront.cert.UnreadableCertificateException},
 * {@link io.ccsfront.cert.NoMatchingRequestException}, {@link io.ccsfront.cert.KeyUnavailableException}.
 * Nothing here logs, and no {@code toString()} shows key material.
 *
 * <p>Imports only {@code name} (and Bouncy Castle): never bindings, the configuration, selection
 * or storage, nor Netty, Vert.x or Hazelcast.
 */
package io.ccsfront.cert;
