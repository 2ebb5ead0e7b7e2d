package io.ccsfront.cert;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12PBEOutputEncryptorBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;

/**
 * Writes the certificate files the importer reads, in-process, the way the usual tools write
 * them: JDK keytool (PKCS#12), Windows' legacy export (3DES key bag, RC2-40 certificate bag,
 * SHA-1 MAC), OpenSSL PEM (PKCS#8, traditional, legacy DEK-Info encryption), PKCS#7 bundles.
 * Nothing is ever written to disk.
 */
final class TestFiles {

    static final Provider BC = new BouncyCastleProvider();

    private TestFiles() {
    }

    /** PEM of certificates, keys (traditional form) or BC PEM generators, in the order given. */
    static byte[] pem(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                w.writeObject(o);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] pemCerts(List<X509Certificate> certs) {
        return pem(certs.toArray());
    }

    /** "BEGIN PRIVATE KEY". */
    static byte[] pkcs8(PrivateKey key) {
        try {
            return pem(new JcaPKCS8Generator(key, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** "BEGIN ENCRYPTED PRIVATE KEY" (PBES2, AES-256-CBC), as openssl pkcs8 -topk8 writes it. */
    static byte[] encryptedPkcs8(PrivateKey key, char[] password) {
        try {
            OutputEncryptor enc = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(BC)
                    .setPassword(password).build();
            return pem(new JcaPKCS8Generator(key, enc));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** "BEGIN RSA PRIVATE KEY" / "BEGIN EC PRIVATE KEY". */
    static byte[] traditional(PrivateKey key) {
        return pem(key);
    }

    /** "BEGIN EC PRIVATE KEY" naming its curve, as openssl writes it (Bouncy Castle's writer leaves the curve out). */
    static byte[] sec1WithCurve(PrivateKey key) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
            ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
            int bits = ((java.security.interfaces.ECPrivateKey) key).getParams().getOrder().bitLength();
            ECPrivateKey sec1 = new ECPrivateKey(bits, inner.getKey(), info.getPrivateKeyAlgorithm().getParameters());
            return pem(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Traditional form with Proc-Type and DEK-Info headers ({@code dekAlgorithm} e.g. AES-128-CBC, DES-EDE3-CBC). */
    static byte[] legacyEncrypted(PrivateKey key, char[] password, String dekAlgorithm) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(key, new JcePEMEncryptorBuilder(dekAlgorithm).setProvider(BC).build(password));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A certificates-only PKCS#7 SignedData, DER. */
    static byte[] p7b(List<X509Certificate> certs) {
        try {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addCertificates(new JcaCertStore(certs));
            return gen.generate(new CMSAbsentContent(), false).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same as PEM ("BEGIN PKCS7"). */
    static byte[] p7bPem(List<X509Certificate> certs) {
        try {
            return pem(new CMSSignedData(p7b(certs)).toASN1Structure());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What keytool / the JDK writes (Java 17 defaults: PBES2 AES-256, HMAC-SHA256). */
    static byte[] jdkPfx(List<X509Certificate> chain, PrivateKey key, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("www", key, password, chain.toArray(Certificate[]::new));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The legacy profile of older Windows and OpenSSL 1.x: key bag pbeWithSHAAnd3-KeyTripleDES-CBC,
     * certificates pbeWithSHAAnd40BitRC2-CBC, SHA-1 MAC. Certificates in the order given; every
     * key in {@code keys} gets its own bag.
     */
    static byte[] legacyPfx(List<X509Certificate> certs, char[] password, PrivateKey... keys) {
        try {
            OutputEncryptor keyEnc = new BcPKCS12PBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                    new CBCBlockCipher(new DESedeEngine())).build(password);
            OutputEncryptor certEnc = new BcPKCS12PBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC,
                    new CBCBlockCipher(new RC2Engine())).build(password);
            List<PKCS12SafeBag> certBags = new ArrayList<>();
            for (X509Certificate c : certs) {
                JcaPKCS12SafeBagBuilder b = new JcaPKCS12SafeBagBuilder(c);
                b.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString("test"));
                certBags.add(b.build());
            }
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(certEnc, certBags.toArray(PKCS12SafeBag[]::new));
            int i = 0;
            for (PrivateKey key : keys) {
                JcaPKCS12SafeBagBuilder kb = new JcaPKCS12SafeBagBuilder(key, keyEnc);
                kb.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DEROctetString(new byte[] {(byte) i++}));
                pfx.addData(kb.build());
            }
            return pfx.build(new BcPKCS12MacCalculatorBuilder(), password).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Whether {@code key} signs what {@code pub} verifies: the key works for this certificate. */
    static boolean signsFor(PrivateKey key, PublicKey pub) {
        try {
            String alg = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(new byte[] {1, 2, 3});
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(new byte[] {1, 2, 3});
            return v.verify(sig);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
