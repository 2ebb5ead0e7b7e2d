package io.ccsfront.cert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * Reads a certificate file whatever its format, recognised from the content (the file name
 * is only a hint for messages and warnings): PKCS#12 / PFX with its password; PEM with a
 * certificate chain and an optional key (PKCS#8 plain or encrypted, PKCS#1 RSA, SEC1 EC, also
 * OpenSSL's legacy encryption); DER {@code .cer} / {@code .crt}; PKCS#7 {@code .p7b} in DER or
 * PEM. Also the CCS file provider's {@code <key>.crt} + {@code <key>.key} pair.
 *
 * <p>The chain comes back leaf first whatever order the file had; a private key must match
 * the leaf. Failures are {@link WrongPasswordException}, {@link KeyMismatchException} and
 * {@link UnreadableCertificateException}, each with a one-line message naming the file.
 */
public final class CertificateImporter {

    enum Format { PFX, PEM, DER_CERTIFICATE, PKCS7 }

    private CertificateImporter() {
    }

    /** Reads {@code content}; {@code password} may be null when the content is not encrypted. */
    public static ImportedCertificate read(byte[] content, char[] password) {
        return read(content, password, null);
    }

    /** Like {@link #read(byte[], char[])}; {@code fileName} (may be null) labels messages and warnings. */
    public static ImportedCertificate read(byte[] content, char[] password, String fileName) {
        Found found = new Found(Found.where(fileName));
        Format format = detect(content, found);
        checkExtension(fileName, format, found);
        readAs(format, content, password, found);
        return assemble(found);
    }

    /**
     * Reads the CCS pair {@code <ccsKey>.crt} (certificate chain, PEM or DER) + {@code <ccsKey>.key}
     * (private key, PEM or DER PKCS#8; {@code password} when encrypted). {@code ccsKey} may be null.
     */
    public static ImportedCertificate readPair(byte[] crtFile, byte[] keyFile, char[] password, String ccsKey) {
        String base = ccsKey == null || ccsKey.isBlank() ? null : ccsKey.strip();
        Found certs = new Found(Found.where(base == null ? "certificate file" : base + ".crt"));
        readAs(detect(crtFile, certs), crtFile, password, certs);
        Found keys = new Found(Found.where(base == null ? "key file" : base + ".key"));
        readKeyFile(keyFile, password, keys);
        if (keys.keys.isEmpty() && keys.curvelessEcKeys.isEmpty()) {
            throw new UnreadableCertificateException(keys.where + "no private key found");
        }
        return assemble(certs.merge(keys));
    }

    /** The certificates of a CER, PEM or P7B file, no private key (Complete Certificate Request). */
    static Found readCertificates(byte[] content, String fileName) {
        Found found = new Found(Found.where(fileName));
        Format format = detect(content, found);
        if (format == Format.PFX) {
            throw new UnreadableCertificateException(found.where
                    + "is a PFX; completing a request takes the issued certificate as .cer, .pem or .p7b");
        }
        readAs(format, content, null, found);
        if (found.certificates.isEmpty()) {
            throw new UnreadableCertificateException(found.where + "no certificate found");
        }
        return found;
    }

    /** Orders what was found into a chain and checks the key: the common end of every reader. */
    static ImportedCertificate assemble(Found found) {
        found.resolveCurvelessKeys();
        List<X509Certificate> certs = ChainOrder.distinct(found.certificates);
        if (certs.isEmpty()) {
            throw new UnreadableCertificateException(found.where
                    + (found.keys.isEmpty() ? "no certificate found" : "holds a private key but no certificate"));
        }
        if (found.keys.size() > 1) {
            throw new UnreadableCertificateException(found.where + "holds " + found.keys.size()
                    + " private keys; import takes a file with exactly one");
        }
        PrivateKey key = found.keys.isEmpty() ? null : found.keys.get(0);
        X509Certificate leaf = key == null ? ChainOrder.pickLeaf(certs) : leafOf(key, certs);
        List<X509Certificate> chain = ChainOrder.chainFrom(leaf, certs);
        List<String> warnings = new ArrayList<>(found.warnings);
        if (chain.size() < certs.size()) {
            List<String> ignored = new ArrayList<>();
            for (X509Certificate c : certs) {
                if (!chain.contains(c)) {
                    ignored.add(Thumbprints.of(c) + " (" + c.getSubjectX500Principal().getName() + ")");
                }
            }
            warnings.add("ignored " + ignored.size() + " certificate(s) outside the chain of " + Thumbprints.of(leaf)
                    + ": " + String.join(", ", ignored));
        }
        return new ImportedCertificate(chain, key, warnings);
    }

    /** The certificate {@code key} belongs to: leaf candidates first; none is a {@link KeyMismatchException}. */
    private static X509Certificate leafOf(PrivateKey key, List<X509Certificate> certs) {
        List<X509Certificate> order = new ArrayList<>(ChainOrder.leafCandidates(certs));
        for (X509Certificate c : certs) {
            if (!order.contains(c)) {
                order.add(c);
            }
        }
        for (X509Certificate c : order) {
            if (Keys.matches(key, c.getPublicKey())) {
                return c;
            }
        }
        X509Certificate leaf = order.get(0);
        throw new KeyMismatchException(Thumbprints.of(leaf), leaf.getSubjectX500Principal().getName());
    }

    static Format detect(byte[] content, Found found) {
        if (content == null || content.length == 0 || isBlank(content)) {
            throw new UnreadableCertificateException(found.where + "file is empty");
        }
        String head = new String(content, 0, Math.min(content.length, 1 << 16), StandardCharsets.ISO_8859_1);
        if (head.contains("-----BEGIN ")) {
            return Format.PEM;
        }
        if ((content[0] & 0xff) != 0x30) {
            throw new UnreadableCertificateException(found.where + (isText(content)
                    ? "text without a -----BEGIN line: not PEM"
                    : "unknown format: neither PEM nor DER (starts with 0x" + String.format("%02X", content[0] & 0xff) + ")"));
        }
        ASN1Primitive top;
        try (ASN1InputStream in = new ASN1InputStream(content)) {
            top = in.readObject();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableCertificateException(found.where + "corrupt or truncated DER (" + Found.oneLine(e) + ")");
        }
        if (top instanceof ASN1Sequence seq && seq.size() >= 2) {
            ASN1Encodable first = seq.getObjectAt(0);
            if (first instanceof ASN1Integer v && v.hasValue(3) && seq.getObjectAt(1) instanceof ASN1Sequence) {
                return Format.PFX;
            }
            if (first instanceof ASN1ObjectIdentifier type) {
                if (PKCSObjectIdentifiers.signedData.equals(type)) {
                    return Format.PKCS7;
                }
                throw new UnreadableCertificateException(found.where + "PKCS#7 content of type " + type.getId()
                        + " holds no certificates");
            }
            if (first instanceof ASN1Sequence tbs && seq.size() == 3) {
                if (tbs.size() == 4 && tbs.getObjectAt(0) instanceof ASN1Integer) {
                    throw new UnreadableCertificateException(found.where + "holds a certificate request (CSR), not a certificate");
                }
                return Format.DER_CERTIFICATE;
            }
        }
        throw new UnreadableCertificateException(found.where + "DER content is not an X.509 certificate, PKCS#7 or PKCS#12");
    }

    private static void readAs(Format format, byte[] content, char[] password, Found found) {
        switch (format) {
            case PFX -> PfxContent.read(content, password, found);
            case PEM -> PemContent.read(content, password, found);
            case PKCS7 -> PemContent.readPkcs7(content, found);
            case DER_CERTIFICATE -> found.certificate(content);
            default -> throw new IllegalStateException("format " + format);
        }
    }

    private static void readKeyFile(byte[] keyFile, char[] password, Found found) {
        if (keyFile != null && keyFile.length > 0 && (keyFile[0] & 0xff) == 0x30) {
            try {
                found.key(Keys.toJdk(PrivateKeyInfo.getInstance(keyFile), found.where));
                return;
            } catch (IllegalArgumentException e) {
                throw new UnreadableCertificateException(found.where + "DER content is not a PKCS#8 private key");
            }
        }
        if (keyFile == null || keyFile.length == 0 || isBlank(keyFile)) {
            throw new UnreadableCertificateException(found.where + "file is empty");
        }
        PemContent.read(keyFile, password, found);
    }

    private static void checkExtension(String fileName, Format format, Found found) {
        if (fileName == null) {
            return;
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
        boolean pfxName = ext.equals("pfx") || ext.equals("p12");
        boolean certName = Arrays.asList("cer", "crt", "der", "pem").contains(ext);
        boolean p7bName = ext.equals("p7b") || ext.equals("p7c");
        if ((pfxName && format != Format.PFX) || (certName && format == Format.PFX)
                || (p7bName && format == Format.DER_CERTIFICATE)) {
            found.warn("the file name suggests ." + ext + " but the content is " + describe(format) + "; read as "
                    + describe(format));
        }
    }

    private static String describe(Format format) {
        return switch (format) {
            case PFX -> "PKCS#12";
            case PEM -> "PEM";
            case PKCS7 -> "PKCS#7";
            case DER_CERTIFICATE -> "a DER certificate";
        };
    }

    private static boolean isBlank(byte[] content) {
        for (byte b : content) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean isText(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 256); i++) {
            int b = content[i] & 0xff;
            if (b < 0x09 || (b > 0x0d && b < 0x20) || b == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
