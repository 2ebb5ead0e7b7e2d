package io.ccsfront.cert;

import java.io.IOException;
import java.security.MessageDigest;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.CertBag;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;

/**
 * Reads a PKCS#12 / PFX file: checks its MAC with the password (a failed MAC is a wrong
 * password), decrypts its bags (PBES2/AES as Windows 2019+ and OpenSSL 3 write them, and the
 * legacy 3DES / RC2-40 / SHA-1 profile) and collects every certificate and private key.
 */
final class PfxContent {

    private PfxContent() {
    }

    static void read(byte[] content, char[] password, Found found) {
        PKCS12PfxPdu pfx;
        try {
            pfx = new PKCS12PfxPdu(content);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableCertificateException(found.where + "corrupt or truncated PFX (" + Found.oneLine(e) + ")");
        }
        char[] pw = password == null ? new char[0] : password;
        boolean macChecked = pfx.hasMac();
        if (macChecked && !macValid(pfx, pw, found)) {
            throw wrongPassword(password, found);
        }
        InputDecryptorProvider decryptor = new JdkPbes2Decryptor(pw, new JcePKCSPBEInputDecryptorProviderBuilder()
                .setProvider(Bc.PROVIDER).setTryWrongPKCS12Zero(pw.length == 0).build(pw));
        ContentInfo[] parts;
        try {
            parts = pfx.getContentInfos();
        } catch (RuntimeException e) {
            throw new UnreadableCertificateException(found.where + "corrupt PFX content (" + Found.oneLine(e) + ")");
        }
        for (ContentInfo part : parts) {
            ASN1ObjectIdentifier type = part.getContentType();
            PKCS12SafeBag[] bags;
            try {
                if (PKCSObjectIdentifiers.encryptedData.equals(type)) {
                    bags = new PKCS12SafeBagFactory(part, decryptor).getSafeBags();
                } else if (PKCSObjectIdentifiers.data.equals(type)) {
                    bags = new PKCS12SafeBagFactory(part).getSafeBags();
                } else {
                    throw new UnreadableCertificateException(found.where + "PFX part of type " + type.getId()
                            + " (public-key encrypted) is not supported");
                }
            } catch (PKCSException | RuntimeException e) {
                if (e instanceof CertificateProblem p) {
                    throw p;
                }
                throw cannotDecrypt(macChecked, password, found, e);
            }
            for (PKCS12SafeBag bag : bags) {
                readBag(bag, decryptor, macChecked, password, found);
            }
        }
    }

    private static void readBag(PKCS12SafeBag bag, InputDecryptorProvider decryptor, boolean macChecked, char[] password,
                                Found found) {
        ASN1ObjectIdentifier type = bag.getType();
        try {
            if (PKCSObjectIdentifiers.certBag.equals(type)) {
                CertBag cert = CertBag.getInstance(bag.toASN1Structure().getBagValue());
                if (PKCSObjectIdentifiers.x509Certificate.equals(cert.getCertId())) {
                    found.certificate(ASN1OctetString.getInstance(cert.getCertValue()).getOctets());
                } else {
                    found.warn("ignored a PFX certificate of type " + cert.getCertId().getId());
                }
            } else if (PKCSObjectIdentifiers.pkcs8ShroudedKeyBag.equals(type)) {
                PKCS8EncryptedPrivateKeyInfo encrypted = (PKCS8EncryptedPrivateKeyInfo) bag.getBagValue();
                PrivateKeyInfo info;
                try {
                    info = encrypted.decryptPrivateKeyInfo(decryptor);
                } catch (PKCSException | RuntimeException e) {
                    throw cannotDecrypt(macChecked, password, found, e);
                }
                found.key(Keys.toJdk(info, found.where));
            } else if (PKCSObjectIdentifiers.keyBag.equals(type)) {
                found.key(Keys.toJdk((PrivateKeyInfo) bag.getBagValue(), found.where));
            } else {
                found.warn("ignored a PFX bag of type " + type.getId());
            }
        } catch (RuntimeException e) {
            if (e instanceof CertificateProblem p) {
                throw p;
            }
            throw new UnreadableCertificateException(found.where + "corrupt PFX bag (" + Found.oneLine(e) + ")");
        }
    }

    private static boolean macValid(PKCS12PfxPdu pfx, char[] pw, Found found) {
        try {
            return pfx.isMacValid(new BcPKCS12MacCalculatorBuilderProvider(BcDefaultDigestProvider.INSTANCE), pw)
                    || (pw.length == 0 && emptyPasswordMacValid(pfx));
        } catch (PKCSException | OperatorCreationException | RuntimeException e) {
            throw new UnreadableCertificateException(found.where + "PFX integrity check cannot be computed ("
                    + Found.oneLine(e) + ")");
        }
    }

    /**
     * The MAC under the empty password as OpenSSL, Windows and the JDK encode it (a BMPString
     * terminator: two zero bytes), where Bouncy Castle uses no bytes at all.
     */
    private static boolean emptyPasswordMacValid(PKCS12PfxPdu pfx) throws OperatorCreationException {
        MacData macData = pfx.toASN1Structure().getMacData();
        AlgorithmIdentifier digestAlgorithm = macData.getMac().getAlgorithmId();
        Digest digest = BcDefaultDigestProvider.INSTANCE.get(digestAlgorithm);
        PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(digest);
        generator.init(new byte[2], macData.getSalt(), macData.getIterationCount().intValueExact());
        HMac hmac = new HMac(BcDefaultDigestProvider.INSTANCE.get(digestAlgorithm));
        hmac.init(generator.generateDerivedMacParameters(digest.getDigestSize() * 8));
        byte[] content = ASN1OctetString.getInstance(pfx.toASN1Structure().getAuthSafe().getContent()).getOctets();
        hmac.update(content, 0, content.length);
        byte[] mac = new byte[hmac.getMacSize()];
        hmac.doFinal(mac, 0);
        return MessageDigest.isEqual(mac, macData.getMac().getDigest());
    }

    /** A part that does not decrypt: the password is wrong when no MAC vouched for it, else the file is damaged. */
    private static CertificateProblem cannotDecrypt(boolean macChecked, char[] password, Found found, Exception e) {
        if (!macChecked) {
            return wrongPassword(password, found);
        }
        return new UnreadableCertificateException(found.where + "PFX content cannot be decrypted (" + Found.oneLine(e) + ")");
    }

    private static WrongPasswordException wrongPassword(char[] password, Found found) {
        if (password == null || password.length == 0) {
            return new WrongPasswordException(found.where + "the PFX is password protected and no password was given");
        }
        return new WrongPasswordException(found.where + "wrong PFX password");
    }
}
