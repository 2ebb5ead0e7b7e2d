package io.ccsfront.cert;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed certificates: the front end's "Default" certificate (what the hosting front end's
 * installer binds to the wildcard addresses) and quick certificates for demos.
 */
public final class SelfSignedCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSignedCertificates() {
    }

    /** A self-signed ECDSA P-256 server certificate for {@code commonName} and {@code dnsNames}. */
    public static Generated create(String commonName, List<String> dnsNames, Duration validity, Clock clock) {
        return create(commonName, dnsNames, validity, clock, KeySpec.EC_P256);
    }

    /**
     * A self-signed server certificate with a {@code keySpec} key (RSA for clients without
     * ECDSA), signed with {@link KeySpec#signatureAlgorithm()}; valid from five minutes before
     * {@code clock}'s now for {@code validity}.
     */
    public static Generated create(String commonName, List<String> dnsNames, Duration validity, Clock clock, KeySpec keySpec) {
        try {
            KeyPair kp = keySpec.generate();
            Instant now = clock.instant();
            var name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), name, kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            int usage = keySpec.algorithm().equals("RSA") ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                    : KeyUsage.digitalSignature;
            b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            if (!dnsNames.isEmpty()) {
                List<GeneralName> sans = new ArrayList<>();
                dnsNames.forEach(n -> sans.add(new GeneralName(GeneralName.dNSName, n)));
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
            }
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder(keySpec.signatureAlgorithm()).build(kp.getPrivate())));
            return new Generated(cert, kp);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("self-signed certificate generation failed", e);
        }
    }

    /** A generated certificate and its key pair. {@link #toString()} never shows the key. */
    public record Generated(X509Certificate certificate, KeyPair keyPair) {
        public StoredCertificate stored(KeyProtector protector) {
            return StoredCertificate.of(List.of(certificate), keyPair.getPrivate(), protector);
        }

        @Override
        public String toString() {
            return "Generated[" + certificate.getSubjectX500Principal() + "]";
        }
    }
}
