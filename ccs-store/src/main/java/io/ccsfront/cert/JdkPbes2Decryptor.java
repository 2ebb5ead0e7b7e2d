package io.ccsfront.cert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.InputDecryptor;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Decrypts PBES2 (PBKDF2 + AES-CBC) with the JDK, which also accepts the empty password that
 * OpenSSL writes for {@code -passout pass:} (Bouncy Castle refuses it); any other scheme goes
 * to {@code fallback}. A wrong password surfaces as an exception, never as silent garbage.
 */
final class JdkPbes2Decryptor implements InputDecryptorProvider {

    private static final Map<ASN1ObjectIdentifier, String> PRFS = Map.of(
            PKCSObjectIdentifiers.id_hmacWithSHA1, "HmacSHA1",
            PKCSObjectIdentifiers.id_hmacWithSHA224, "HmacSHA224",
            PKCSObjectIdentifiers.id_hmacWithSHA256, "HmacSHA256",
            PKCSObjectIdentifiers.id_hmacWithSHA384, "HmacSHA384",
            PKCSObjectIdentifiers.id_hmacWithSHA512, "HmacSHA512");
    private static final Map<ASN1ObjectIdentifier, Integer> AES_CBC_BITS = Map.of(
            NISTObjectIdentifiers.id_aes128_CBC, 128,
            NISTObjectIdentifiers.id_aes192_CBC, 192,
            NISTObjectIdentifiers.id_aes256_CBC, 256);

    private final char[] password;
    private final InputDecryptorProvider fallback;

    JdkPbes2Decryptor(char[] password, InputDecryptorProvider fallback) {
        this.password = password;
        this.fallback = fallback;
    }

    @Override
    public InputDecryptor get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
        if (!PKCSObjectIdentifiers.id_PBES2.equals(algorithm.getAlgorithm())) {
            return fallback.get(algorithm);
        }
        PBES2Parameters params = PBES2Parameters.getInstance(algorithm.getParameters());
        Integer bits = AES_CBC_BITS.get(params.getEncryptionScheme().getAlgorithm());
        if (!PKCSObjectIdentifiers.id_PBKDF2.equals(params.getKeyDerivationFunc().getAlgorithm()) || bits == null) {
            return fallback.get(algorithm);
        }
        PBKDF2Params kdf = PBKDF2Params.getInstance(params.getKeyDerivationFunc().getParameters());
        String prf = PRFS.get(kdf.getPrf().getAlgorithm());
        if (prf == null) {
            return fallback.get(algorithm);
        }
        byte[] iv = ASN1OctetString.getInstance(params.getEncryptionScheme().getParameters()).getOctets();
        Cipher cipher;
        try {
            PBEKeySpec spec = new PBEKeySpec(password, kdf.getSalt(), kdf.getIterationCount().intValueExact(), bits);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2With" + prf).generateSecret(spec).getEncoded();
            spec.clearPassword();
            cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            Arrays.fill(key, (byte) 0);
        } catch (GeneralSecurityException | ArithmeticException e) {
            throw new OperatorCreationException("PBES2 decryption cannot start: " + e.getMessage(), e);
        }
        return new InputDecryptor() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public InputStream getInputStream(InputStream encrypted) {
                try {
                    return new ByteArrayInputStream(cipher.doFinal(encrypted.readAllBytes()));
                } catch (IOException | GeneralSecurityException e) {
                    throw new IllegalStateException("PBES2 decryption failed (" + e.getClass().getSimpleName() + ")", e);
                }
            }
        };
    }
}
