package io.ccsfront.cert;

import io.ccsfront.name.HostNames;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * IIS's "Create Certificate Request" and "Complete Certificate Request": a PKCS#10 request
 * whose private key waits, sealed, in a {@link PendingRequest} until the CA's certificate comes
 * back; the certificate is matched to its request by public key.
 */
public final class CertificateRequests {

    /** A new request: what the cluster keeps, and the CSR to send to the CA. */
    public record Created(PendingRequest request, String csrPem) {
        public Created {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(csrPem, "csrPem");
        }
    }

    private CertificateRequests() {
    }

    /**
     * Generates a {@code keySpec} key and a CSR for {@code subject} with {@code sans} (DNS names,
     * {@code *.} wildcards or IP literals) in an extensionRequest, signed with SHA-256 (SHA-384
     * for P-384). The key is sealed with {@code protector} under the request's id.
     */
    public static Created create(CsrSubject subject, List<String> sans, KeySpec keySpec, KeyProtector protector, Clock clock) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(keySpec, "keySpec");
        Objects.requireNonNull(protector, "protector");
        Objects.requireNonNull(clock, "clock");
        List<String> names = new ArrayList<>();
        List<GeneralName> generalNames = new ArrayList<>();
        for (String san : new LinkedHashSet<>(Objects.requireNonNull(sans, "sans"))) {
            GeneralName g = subjectAltName(san, names);
            if (g != null) {
                generalNames.add(g);
            }
        }
        KeyPair keys = keySpec.generate();
        try {
            JcaPKCS10CertificationRequestBuilder b = new JcaPKCS10CertificationRequestBuilder(subject.toX500Name(), keys.getPublic());
            if (!generalNames.isEmpty()) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(generalNames.toArray(GeneralName[]::new)));
                b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            PKCS10CertificationRequest csr = b.build(new JcaContentSignerBuilder(keySpec.signatureAlgorithm())
                    .build(keys.getPrivate()));
            Thumbprint id = Thumbprint.of(csr.getSubjectPublicKeyInfo().getEncoded("DER"));
            byte[] der = csr.getEncoded();
            PendingRequest request = new PendingRequest(id, subject.toString(), names, keySpec.text(), der,
                    protector.seal(keys.getPrivate(), id), clock.instant());
            return new Created(request, pem("CERTIFICATE REQUEST", der));
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("certificate request for " + subject + " cannot be built", e);
        }
    }

    /**
     * Installs the CA's answer: {@code issuedFile} (CER, PEM or P7B) must hold a certificate
     * whose public key is that of one of the {@code pending} requests. Returns it with its
     * chain (leaf first) and the request's key, opened with {@code protector}.
     *
     * @throws NoMatchingRequestException naming the certificate when no request matches
     */
    public static ImportedCertificate complete(byte[] issuedFile, Collection<PendingRequest> pending, KeyProtector protector) {
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(protector, "protector");
        Found found = CertificateImporter.readCertificates(issuedFile, null);
        List<X509Certificate> certs = ChainOrder.distinct(found.certificates);
        Set<X509Certificate> order = new LinkedHashSet<>(ChainOrder.leafCandidates(certs));
        order.addAll(certs);
        for (X509Certificate c : order) {
            PendingRequest request = requestOf(c, pending);
            if (request != null) {
                found.key(protector.open(request.key(), request.id()));
                return CertificateImporter.assemble(found);
            }
        }
        X509Certificate leaf = ChainOrder.pickLeaf(certs);
        throw new NoMatchingRequestException(Thumbprints.of(leaf), leaf.getSubjectX500Principal().getName(), pending.size());
    }

    /** The id of the request a certificate answers: SHA-1 over its SubjectPublicKeyInfo. */
    public static Thumbprint requestId(X509Certificate certificate) {
        try {
            return Thumbprint.of(Certificate.getInstance(Thumbprints.der(certificate)).getSubjectPublicKeyInfo().getEncoded("DER"));
        } catch (IOException e) {
            throw new CertificateProblem("public key of " + Thumbprints.of(certificate) + " cannot be encoded", e);
        }
    }

    private static PendingRequest requestOf(X509Certificate c, Collection<PendingRequest> pending) {
        Thumbprint id = requestId(c);
        for (PendingRequest r : pending) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        PublicKey key = c.getPublicKey();
        for (PendingRequest r : pending) {
            try {
                if (key.equals(Keys.toJdk(new PKCS10CertificationRequest(r.csrDer()).getSubjectPublicKeyInfo()))) {
                    return r; // the CA re-encoded the key (e.g. RSA parameters): same key, other bytes
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable stored CSR cannot match
            }
        }
        return null;
    }

    /** A SAN as a GeneralName; its normalised text goes to {@code names}. */
    private static GeneralName subjectAltName(String san, List<String> names) {
        String s = Objects.requireNonNull(san, "SAN").strip();
        InetAddress ip = ipLiteral(s);
        if (ip != null) {
            names.add(ip.getHostAddress());
            return new GeneralName(GeneralName.iPAddress, new DEROctetString(ip.getAddress()));
        }
        String name = s.startsWith("*.") ? "*." + HostNames.require(s.substring(2), "SAN") : HostNames.require(s, "SAN");
        if (names.contains(name)) {
            return null;
        }
        names.add(name);
        return new GeneralName(GeneralName.dNSName, name);
    }

    /** The address {@code s} is a literal of, or null when it is no IP literal. */
    private static InetAddress ipLiteral(String s) {
        String literal = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        boolean v6 = literal.indexOf(':') >= 0;
        if (!v6 && !literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        for (String part : v6 ? new String[0] : literal.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                throw new IllegalArgumentException("SAN is not a valid IP address: " + s);
            }
        }
        try {
            return InetAddress.getByName(v6 ? "[" + literal + "]" : literal);
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new IllegalArgumentException("SAN is not a valid IP address: " + s);
        }
    }

    /** PEM text with 64-character lines and LF line ends. */
    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
