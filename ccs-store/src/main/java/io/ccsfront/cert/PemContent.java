package io.ccsfront.cert;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Reads PEM text: certificates, PKCS#7 bundles, and private keys as PKCS#8 (plain or
 * encrypted), PKCS#1 {@code RSA PRIVATE KEY} and SEC1 {@code EC PRIVATE KEY} (plain or in
 * OpenSSL's legacy encrypted form with {@code DEK-Info}). Text outside the blocks is ignored.
 */
final class PemContent {

    private PemContent() {
    }

    static void read(byte[] content, char[] password, Found found) {
        String text = new String(content, StandardCharsets.UTF_8);
        int blocks = 0;
        try (PemReader reader = new PemReader(new StringReader(text))) {
            PemObject block;
            while ((block = next(reader, found)) != null) {
                blocks++;
                readBlock(block, password, found);
            }
        } catch (IOException e) {
            throw new UnreadableCertificateException(found.where + "PEM cannot be read (" + Found.oneLine(e) + ")");
        }
        if (blocks == 0) {
            throw new UnreadableCertificateException(found.where + "no PEM block found");
        }
    }

    private static PemObject next(PemReader reader, Found found) {
        try {
            return reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableCertificateException(found.where + "corrupt or truncated PEM (" + Found.oneLine(e) + ")");
        }
    }

    private static void readBlock(PemObject block, char[] password, Found found) {
        String type = block.getType();
        byte[] der = block.getContent();
        try {
            switch (type) {
                case "CERTIFICATE", "X509 CERTIFICATE" -> found.certificate(der);
                case "TRUSTED CERTIFICATE" -> found.certificate(
                        new X509TrustedCertificateBlock(der).getCertificateHolder().getEncoded());
                case "PKCS7", "CMS" -> readPkcs7(der, found);
                case "PRIVATE KEY" -> found.key(Keys.toJdk(PrivateKeyInfo.getInstance(der), found.where));
                case "ENCRYPTED PRIVATE KEY" -> found.key(Keys.toJdk(decryptPkcs8(der, password, found), found.where));
                case "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY" -> traditionalKey(block, password, found);
                case "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST" -> throw new UnreadableCertificateException(found.where
                        + "holds a certificate request (CSR), not a certificate");
                case "EC PARAMETERS" -> {
                    // written by "openssl ecparam" before the key; the key repeats the curve
                }
                default -> found.warn("ignored PEM block " + type);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof CertificateProblem p) {
                throw p;
            }
            throw new UnreadableCertificateException(found.where + "PEM block " + type + " cannot be read (" + Found.oneLine(e) + ")");
        }
    }

    /** The certificates of a PKCS#7 / CMS SignedData structure (a .p7b file); its content and signers are ignored. */
    static void readPkcs7(byte[] der, Found found) {
        try {
            CMSSignedData signed = new CMSSignedData(der);
            for (X509CertificateHolder h : signed.getCertificates().getMatches(null)) {
                found.certificate(h.getEncoded());
            }
        } catch (CMSException | IOException | RuntimeException e) {
            if (e instanceof CertificateProblem p) {
                throw p;
            }
            throw new UnreadableCertificateException(found.where + "PKCS#7 cannot be read (" + Found.oneLine(e) + ")");
        }
    }

    private static PrivateKeyInfo decryptPkcs8(byte[] der, char[] password, Found found) throws IOException {
        PKCS8EncryptedPrivateKeyInfo encrypted = new PKCS8EncryptedPrivateKeyInfo(der);
        requirePassword(password, found);
        try {
            return encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(Bc.PROVIDER).build(password));
        } catch (OperatorCreationException e) {
            throw new UnreadableCertificateException(found.where + "the private key's encryption is not supported ("
                    + Found.oneLine(e) + ")");
        } catch (PKCSException | RuntimeException e) {
            throw wrongPassword(found);
        }
    }

    /** PKCS#1 / SEC1 / DSA keys in OpenSSL's traditional form, plain or with Proc-Type and DEK-Info headers. */
    private static void traditionalKey(PemObject block, char[] password, Found found) throws IOException {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(block);
        }
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(text.toString()))) {
            parsed = parser.readObject();
        }
        if (parsed instanceof PEMEncryptedKeyPair encrypted) {
            requirePassword(password, found);
            try {
                parsed = encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password));
            } catch (IOException | RuntimeException e) {
                throw wrongPassword(found);
            }
        }
        if (parsed instanceof PEMKeyPair pair) {
            PrivateKeyInfo info = pair.getPrivateKeyInfo();
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(info.getPrivateKeyAlgorithm().getAlgorithm())
                    && info.getPrivateKeyAlgorithm().getParameters() == null) {
                found.curvelessEcKey(ECPrivateKey.getInstance(info.parsePrivateKey()));
            } else {
                found.key(Keys.toJdk(info, found.where));
            }
            return;
        }
        throw new UnreadableCertificateException(found.where + "PEM block " + block.getType() + " holds no private key");
    }

    private static void requirePassword(char[] password, Found found) {
        if (password == null || password.length == 0) {
            throw new WrongPasswordException(found.where + "the private key is encrypted and no password was given");
        }
    }

    private static WrongPasswordException wrongPassword(Found found) {
        return new WrongPasswordException(found.where + "wrong password for the encrypted private key");
    }
}
