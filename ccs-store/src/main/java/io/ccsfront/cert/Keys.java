package io.ccsfront.cert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Private keys: conversion of parsed key structures to JDK keys (so that
 * {@link KeyProtector#open} can rebuild them with the JDK's {@code KeyFactory}), and the check
 * that a private key belongs to a public key.
 */
final class Keys {

    private static final Map<ASN1ObjectIdentifier, String> ALGORITHMS = Map.of(
            PKCSObjectIdentifiers.rsaEncryption, "RSA",
            PKCSObjectIdentifiers.id_RSASSA_PSS, "RSASSA-PSS",
            X9ObjectIdentifiers.id_ecPublicKey, "EC",
            EdECObjectIdentifiers.id_Ed25519, "Ed25519",
            EdECObjectIdentifiers.id_Ed448, "Ed448",
            X9ObjectIdentifiers.id_dsa, "DSA");

    private static final byte[] PROBE = "ccsfront key match probe".getBytes(StandardCharsets.US_ASCII);

    private Keys() {
    }

    /** A JDK private key from a PKCS#8 structure; {@code where} labels error messages. */
    static PrivateKey toJdk(PrivateKeyInfo info, String where) {
        ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
        String algorithm = ALGORITHMS.get(oid);
        if (algorithm == null) {
            throw new UnreadableCertificateException(where + "private key algorithm is not supported: " + oid.getId());
        }
        byte[] pkcs8 = null;
        try {
            pkcs8 = info.getEncoded();
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (IOException | GeneralSecurityException e) {
            throw new UnreadableCertificateException(where + "the " + algorithm + " private key cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        } finally {
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
    }

    /** A JDK public key from a SubjectPublicKeyInfo; null when its algorithm is not supported. */
    static PublicKey toJdk(SubjectPublicKeyInfo info) {
        String algorithm = ALGORITHMS.get(info.getAlgorithm().getAlgorithm());
        if (algorithm == null) {
            return null;
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(info.getEncoded("DER")));
        } catch (IOException | GeneralSecurityException e) {
            return null;
        }
    }

    /** A SEC1 key that names no curve, placed on {@code pub}'s curve; null unless it then matches {@code pub}. */
    static PrivateKey onCurveOf(ECPrivateKey sec1, PublicKey pub) {
        if (!(pub instanceof ECKey)) {
            return null;
        }
        AlgorithmIdentifier curve = SubjectPublicKeyInfo.getInstance(pub.getEncoded()).getAlgorithm();
        PrivateKey key;
        try {
            key = toJdk(new PrivateKeyInfo(curve, sec1), "");
        } catch (IOException | CertificateProblem e) {
            return null;
        }
        return matches(key, pub) ? key : null;
    }

    /**
     * For a named curve: whether d·G is the certificate's public point — one fixed-base
     * multiplication (Bouncy Castle, precomputed per curve), an order of magnitude cheaper than a
     * JDK sign-and-verify, which made importing 10,000 EC files take a minute. Null when the curve
     * is not a named one (the caller then signs and verifies).
     */
    /** Curve parameters by OID, kept so the fixed-base precomputation on G is reused. */
    private static final Map<String, Optional<X9ECParameters>> CURVES =
            new ConcurrentHashMap<>();

    /** Bouncy Castle's optimised curve arithmetic where it has one (P-256, P-384), else the generic one. */
    private static X9ECParameters customOrNamed(ASN1ObjectIdentifier oid) {
        X9ECParameters p = CustomNamedCurves.getByOID(oid);
        return p != null ? p : ECNamedCurveTable.getByOID(oid);
    }

    /** The (optimised where available) parameters of a named curve, cached; null when BC does not know it. */
    static X9ECParameters curve(ASN1ObjectIdentifier oid) {
        return CURVES.computeIfAbsent(oid.getId(), k -> Optional.ofNullable(customOrNamed(oid))).orElse(null);
    }

    private static Boolean sameEcPoint(java.security.interfaces.ECPrivateKey key, PublicKey pub) {
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(pub.getEncoded());
            if (!(spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier oid)) {
                return null;
            }
            X9ECParameters x9 = curve(oid);
            if (x9 == null) {
                return null;
            }
            ECPoint q = new FixedPointCombMultiplier()
                    .multiply(x9.getG(), key.getS().mod(x9.getN())).normalize();
            ECPoint w = x9.getCurve().decodePoint(spki.getPublicKeyData().getBytes()).normalize();
            return q.equals(w);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code key} is the private half of {@code pub}. */
    static boolean matches(PrivateKey key, PublicKey pub) {
        if (key instanceof RSAKey k && pub instanceof RSAKey p) {
            if (!k.getModulus().equals(p.getModulus())) {
                return false;
            }
            if (key instanceof RSAPrivateCrtKey crt && pub instanceof RSAPublicKey rp) {
                return crt.getPublicExponent().equals(rp.getPublicExponent());
            }
            return true;
        }
        if (key instanceof RSAKey || pub instanceof RSAKey) {
            return false;
        }
        if (key instanceof ECKey != pub instanceof ECKey) {
            return false;
        }
        if (key instanceof java.security.interfaces.ECPrivateKey ek) {
            Boolean same = sameEcPoint(ek, pub);
            if (same != null) {
                return same;
            }
        }
        String alg = key instanceof ECKey ? "SHA256withECDSA"
                : "DSA".equals(key.getAlgorithm()) ? "SHA256withDSA" : key.getAlgorithm();
        try {
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(PROBE);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(PROBE);
            return v.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
