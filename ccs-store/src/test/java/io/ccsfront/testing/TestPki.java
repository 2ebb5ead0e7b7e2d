package io.ccsfront.testing;

import io.ccsfront.cert.KeyProtector;
import io.ccsfront.cert.StoredCertificate;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The one shared test fixture for certificates: a root CA, an intermediate CA and leaf
 * certificates generated in-process with Bouncy Castle, once per JVM (nothing is read from
 * or written to the repository). Other modules use it through ccs-store's test-jar.
 *
 * <pre>
 *   TestPki pki = TestPki.get();
 *   TestPki.Issued leaf = pki.leaf("www.contoso.com", "contoso.com");   // ECDSA P-256, CA-issued
 *   StoredCertificate stored = leaf.stored(TestPki.PROTECTOR);
 * </pre>
 */
public final class TestPki {

    /** A master key for tests; generated per JVM. */
    public static final KeyProtector PROTECTOR = KeyProtector.of(KeyProtector.newMasterKey());

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() & 0xffffffffL);
    private static volatile TestPki instance;

    private final Issued root;
    private final Issued intermediate;

    /** A certificate, its chain (leaf first, without the root) and its key. */
    public record Issued(X509Certificate certificate, PrivateKey key, List<X509Certificate> chain) {
        public StoredCertificate stored(KeyProtector protector) {
            return StoredCertificate.of(chain, key, protector);
        }

        public StoredCertificate stored() {
            return stored(PROTECTOR);
        }

        /** The same certificate without its private key. */
        public StoredCertificate storedWithoutKey() {
            return StoredCertificate.of(chain, null, PROTECTOR);
        }
    }

    /** Options for a leaf; all optional. */
    public record LeafSpec(List<String> dnsNames, List<String> ips, String commonName, String keyType,
                           Instant notBefore, Instant notAfter, boolean serverAuth, boolean selfSigned) {
        public static LeafSpec names(String... names) {
            Instant now = Instant.now();
            return new LeafSpec(List.of(names), List.of(), names.length > 0 ? names[0] : "test", "EC",
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)), true, false);
        }

        public LeafSpec ips(String... ips) {
            return new LeafSpec(dnsNames, List.of(ips), commonName, keyType, notBefore, notAfter, serverAuth, selfSigned);
        }

        public LeafSpec cn(String cn) {
            return new LeafSpec(dnsNames, ips, cn, keyType, notBefore, notAfter, serverAuth, selfSigned);
        }

        /** "EC" (P-256), "EC384", "RSA" (2048), "RSA1024", "RSA3072". */
        public LeafSpec key(String type) {
            return new LeafSpec(dnsNames, ips, commonName, type, notBefore, notAfter, serverAuth, selfSigned);
        }

        public LeafSpec validity(Instant from, Instant to) {
            return new LeafSpec(dnsNames, ips, commonName, keyType, from, to, serverAuth, selfSigned);
        }

        public LeafSpec noServerAuth() {
            return new LeafSpec(dnsNames, ips, commonName, keyType, notBefore, notAfter, false, selfSigned);
        }

        public LeafSpec asSelfSigned() {
            return new LeafSpec(dnsNames, ips, commonName, keyType, notBefore, notAfter, serverAuth, true);
        }
    }

    private TestPki() {
        Instant now = Instant.now();
        KeyPair rootKeys = keyPair("EC");
        X509Certificate rootCert = build(new X500Name("CN=ccsfront Test Root CA,O=ccsfront tests"), rootKeys,
                new X500Name("CN=ccsfront Test Root CA,O=ccsfront tests"), rootKeys.getPrivate(), "EC",
                now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(3650)), true, List.of(), List.of(), true);
        root = new Issued(rootCert, rootKeys.getPrivate(), List.of(rootCert));
        KeyPair intKeys = keyPair("EC");
        X509Certificate intCert = build(new X500Name("CN=ccsfront Test Intermediate CA,O=ccsfront tests"), intKeys,
                new X500Name("CN=ccsfront Test Root CA,O=ccsfront tests"), rootKeys.getPrivate(), "EC",
                now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(1825)), true, List.of(), List.of(), true);
        intermediate = new Issued(intCert, intKeys.getPrivate(), List.of(intCert, rootCert));
    }

    /** The fixture, built once per JVM. */
    public static TestPki get() {
        TestPki p = instance;
        if (p == null) {
            synchronized (TestPki.class) {
                p = instance;
                if (p == null) {
                    instance = p = new TestPki();
                }
            }
        }
        return p;
    }

    public Issued root() {
        return root;
    }

    public Issued intermediate() {
        return intermediate;
    }

    /** An ECDSA P-256 leaf for {@code names} (SAN dNSNames), issued by the intermediate, valid now for 90 days. */
    public Issued leaf(String... names) {
        return leaf(LeafSpec.names(names));
    }

    public Issued leaf(LeafSpec spec) {
        KeyPair kp = keyPair(spec.keyType());
        X500Name subject = new X500Name("CN=" + spec.commonName() + ",O=ccsfront tests");
        if (spec.selfSigned()) {
            X509Certificate c = build(subject, kp, subject, kp.getPrivate(), spec.keyType(), spec.notBefore(), spec.notAfter(),
                    false, spec.dnsNames(), spec.ips(), spec.serverAuth());
            return new Issued(c, kp.getPrivate(), List.of(c));
        }
        X509Certificate c = build(subject, kp, X500Name.getInstance(intermediate.certificate().getSubjectX500Principal().getEncoded()),
                intermediate.key(), "EC", spec.notBefore(), spec.notAfter(), false, spec.dnsNames(), spec.ips(), spec.serverAuth());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(c);
        chain.add(intermediate.certificate());
        return new Issued(c, kp.getPrivate(), List.copyOf(chain));
    }

    /**
     * Has the intermediate CA answer a certificate request as a public CA would: the CSR's
     * subject, public key and requested SANs, serverAuth, valid now for 90 days. The key stays
     * with the requester, so the result's {@code key()} is null; its chain is leaf + intermediate.
     */
    public Issued issue(PKCS10CertificationRequest csr) {
        Instant now = Instant.now();
        return issue(csr, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)));
    }

    /** Like {@link #issue(PKCS10CertificationRequest)} with the given validity. */
    public Issued issue(PKCS10CertificationRequest csr, Instant notBefore, Instant notAfter) {
        try {
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(
                    X500Name.getInstance(intermediate.certificate().getSubjectX500Principal().getEncoded()),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                    csr.getSubject(), csr.getSubjectPublicKeyInfo());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            for (Attribute a : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
                Extension san = Extensions.getInstance(a.getAttrValues().getObjectAt(0))
                        .getExtension(Extension.subjectAlternativeName);
                if (san != null) {
                    b.addExtension(san);
                }
            }
            X509Certificate c = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(intermediate.key())));
            return new Issued(c, null, List.of(c, intermediate.certificate()));
        } catch (Exception e) {
            throw new IllegalStateException("test CA could not sign the request", e);
        }
    }

    public static KeyPair keyPair(String type) {
        try {
            KeyPairGenerator g;
            switch (type) {
                case "EC" -> {
                    g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                }
                case "EC384" -> {
                    g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp384r1"), RANDOM);
                }
                case "RSA" -> {
                    g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(2048, RANDOM);
                }
                case "RSA1024" -> {
                    g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(1024, RANDOM);
                }
                case "RSA3072" -> {
                    g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(3072, RANDOM);
                }
                default -> throw new IllegalArgumentException("key type: " + type);
            }
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate build(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
                                         String issuerKeyType, Instant from, Instant to, boolean ca, List<String> dns,
                                         List<String> ips, boolean serverAuth) {
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(from), Date.from(to), subject, subjectKeys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                if (serverAuth) {
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                } else {
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
                }
                List<GeneralName> sans = new ArrayList<>();
                dns.forEach(n -> sans.add(new GeneralName(GeneralName.dNSName, n)));
                ips.forEach(n -> sans.add(new GeneralName(GeneralName.iPAddress, n)));
                if (!sans.isEmpty()) {
                    b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
                }
            }
            String alg = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA"
                    : issuerKeyType.equals("EC384") ? "SHA384withECDSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(alg).build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException("test certificate generation failed", e);
        }
    }
}
