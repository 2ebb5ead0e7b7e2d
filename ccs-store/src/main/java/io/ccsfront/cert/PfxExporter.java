package io.ccsfront.cert;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * The one way a private key leaves the cluster: a password-protected PKCS#12 file in the
 * modern profile (what Windows Server 2019+ calls "AES256-SHA256" and OpenSSL 3 writes by
 * default): key and certificates encrypted with PBES2 = PBKDF2-HMAC-SHA256 + AES-256-CBC, an
 * HMAC-SHA256 integrity MAC. Never RC2, 3DES or SHA-1.
 *
 * <p>The leaf's bags carry a friendly name (what the Windows certificate store shows) and a
 * localKeyId (SHA-1 of the leaf) that ties the key to its certificate.
 */
public final class PfxExporter {

    /** PBKDF2 and MAC iterations (OpenSSL 3 uses 2048, the JDK 10000). */
    static final int ITERATIONS = 10_000;

    private PfxExporter() {
    }

    /** Exports {@code chain} (leaf first) and its key; the friendly name is the leaf's first name. */
    public static byte[] export(List<X509Certificate> chain, PrivateKey key, char[] password) {
        Objects.requireNonNull(chain, "chain");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("certificate chain is empty");
        }
        return export(chain, key, password, CertificateSummary.of(chain.get(0)).label());
    }

    /** Exports a stored certificate, its key opened with {@code protector}. */
    public static byte[] export(StoredCertificate certificate, KeyProtector protector, char[] password) {
        Objects.requireNonNull(certificate, "certificate");
        return export(certificate.decodeChain(), certificate.openKey(protector), password);
    }

    /** Exports {@code chain} (leaf first) and its key under {@code friendlyName}. */
    public static byte[] export(List<X509Certificate> chain, PrivateKey key, char[] password, String friendlyName) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(friendlyName, "friendlyName");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("certificate chain is empty");
        }
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("PFX export needs a password: exports must be password protected");
        }
        X509Certificate leaf = chain.get(0);
        if (!Keys.matches(key, leaf.getPublicKey())) {
            throw new KeyMismatchException(Thumbprints.of(leaf), leaf.getSubjectX500Principal().getName());
        }
        DEROctetString localKeyId = new DEROctetString(Thumbprint.digest("SHA-1", Thumbprints.der(leaf)));
        DERBMPString name = new DERBMPString(friendlyName);
        try {
            List<PKCS12SafeBag> certBags = new ArrayList<>();
            for (int i = 0; i < chain.size(); i++) {
                JcaPKCS12SafeBagBuilder bag = new JcaPKCS12SafeBagBuilder(chain.get(i));
                if (i == 0) {
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, name);
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
                }
                certBags.add(bag.build());
            }
            JcaPKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(key, encryptor(password));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, name);
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);

            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(encryptor(password), certBags.toArray(PKCS12SafeBag[]::new));
            pfx.addData(keyBag.build());
            BcPKCS12MacCalculatorBuilder mac = new BcPKCS12MacCalculatorBuilder(new SHA256Digest(),
                    new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE)).setIterationCount(ITERATIONS);
            return pfx.build(mac, password).getEncoded("DER");
        } catch (IOException | PKCSException | OperatorCreationException e) {
            throw new IllegalStateException("PFX export of " + Thumbprints.of(leaf) + " failed", e);
        }
    }

    /** A fresh encryptor (own salt and IV) for each encrypted part. */
    private static OutputEncryptor encryptor(char[] password) throws OperatorCreationException {
        return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setProvider(Bc.PROVIDER)
                .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                .setIterationCount(ITERATIONS)
                .build(password);
    }
}
