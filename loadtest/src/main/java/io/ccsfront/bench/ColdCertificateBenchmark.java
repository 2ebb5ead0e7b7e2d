package io.ccsfront.bench;

import io.ccsfront.cert.KeyProtector;
import io.ccsfront.cert.StoredCertificate;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.util.ReferenceCounted;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509KeyManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a COLD certificate costs the node on its first handshake, on the event loop:
 * {@code CertificateCache.build} — {@link StoredCertificate#decodeChain()} + {@link StoredCertificate#openKey}
 * (AES-GCM open of the sealed PKCS#8 key, then {@code KeyFactory}) — and, with BoringSSL, the
 * conversion of that chain and key into native key material that Netty's
 * {@code OpenSslCachingX509KeyManagerFactory} does on its first use of an alias (PEM-encode the
 * chain and the key, parse both natively). To be compared with the server CPU of one full
 * handshake measured by loadtest/scripts/handshake-bench.sh (docs/BENCHMARKS.md).
 *
 * <p>Each call takes the next of {@code certificates} distinct CA-issued certificates (2,048,
 * more than the 750 parsed certificates the JDK's {@code X509Factory} keeps, so every call really
 * parses). RSA certificates share 16 keys (RSA key generation is slow); every call still opens
 * and parses its key.
 *
 * <pre>java -jar loadtest/target/benchmarks.jar ColdCertificateBenchmark -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ColdCertificateBenchmark {

    @Param({"ec", "rsa"})
    public String key;

    @Param("2048")
    public int certificates;

    private StoredCertificate[] stored;
    private KeyProtector protector;
    private int next;
    private Constructor<?> providerConstructor;
    private Method chooseKeyMaterial;
    private final ByteBufAllocator alloc = UnpooledByteBufAllocator.DEFAULT;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Provider bc = new BouncyCastleProvider();
        SecureRandom random = new SecureRandom();
        boolean rsa = key.equals("rsa");
        protector = KeyProtector.of(KeyProtector.newMasterKey());
        KeyPair ca = keyPair(rsa, bc, random);
        X500Name caName = new X500Name("CN=cold-certificate benchmark CA");
        ContentSigner signer = rsa ? new JcaContentSignerBuilder("SHA256withRSA").build(ca.getPrivate())
                : new JcaContentSignerBuilder("SHA256withECDSA").setProvider(bc).build(ca.getPrivate());
        KeyPair[] rsaKeys = new KeyPair[16];
        if (rsa) {
            for (int i = 0; i < rsaKeys.length; i++) {
                rsaKeys[i] = keyPair(true, bc, random);
            }
        }
        Instant now = Instant.now();
        stored = new StoredCertificate[certificates];
        JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
        for (int i = 0; i < certificates; i++) {
            KeyPair kp = rsa ? rsaKeys[i % rsaKeys.length] : keyPair(false, bc, random);
            String host = String.format("c%05d.bench.test", i);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caName, BigInteger.valueOf(i + 2L),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), new X500Name("CN=" + host),
                    kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
            X509Certificate leaf = conv.getCertificate(b.build(signer));
            stored[i] = StoredCertificate.of(List.of(leaf), kp.getPrivate(), protector);
        }
        OpenSsl.ensureAvailability();
        Class<?> provider = Class.forName("io.netty.handler.ssl.OpenSslKeyMaterialProvider");
        providerConstructor = provider.getDeclaredConstructor(X509KeyManager.class, String.class);
        providerConstructor.setAccessible(true);
        chooseKeyMaterial = provider.getDeclaredMethod("chooseKeyMaterial", ByteBufAllocator.class, String.class);
        chooseKeyMaterial.setAccessible(true);
    }

    private static KeyPair keyPair(boolean rsa, Provider bc, SecureRandom random) throws Exception {
        if (rsa) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, random);
            return g.generateKeyPair();
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", bc);
        g.initialize(new ECGenParameterSpec("secp256r1"), random);
        return g.generateKeyPair();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        stored = null;
    }

    private StoredCertificate nextCertificate() {
        StoredCertificate c = stored[next];
        next = next + 1 == stored.length ? 0 : next + 1;
        return c;
    }

    /** What {@code CertificateCache.build} does on a miss (both engines). */
    @Benchmark
    public Object prepare() {
        StoredCertificate c = nextCertificate();
        X509Certificate[] chain = c.decodeChain().toArray(X509Certificate[]::new);
        PrivateKey k = c.openKey(protector);
        return new Object[] {chain, k};
    }

    /** {@link #prepare} plus Netty's conversion to BoringSSL key material (the first handshake for an alias). */
    @Benchmark
    public boolean prepareAndNativeKeyMaterial() throws Exception {
        StoredCertificate c = nextCertificate();
        X509Certificate[] chain = c.decodeChain().toArray(X509Certificate[]::new);
        PrivateKey k = c.openKey(protector);
        Object provider = providerConstructor.newInstance(new OneKey(chain, k), null);
        ReferenceCounted material = (ReferenceCounted) chooseKeyMaterial.invoke(provider, alloc, "a");
        return material.release();
    }

    /** A key manager that holds one certificate under the alias "a". */
    private static final class OneKey extends ServerKeyManager {
        private final X509Certificate[] chain;
        private final PrivateKey key;

        OneKey(X509Certificate[] chain, PrivateKey key) {
            this.chain = chain;
            this.key = key;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return chain;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }
    }
}
