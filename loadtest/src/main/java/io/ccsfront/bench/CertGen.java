package io.ccsfront.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.x500.X500Name;
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
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Benchmark certificate data: one generated CA, and N leaf certificates for {@code h00001.bench.test}
 * … issued by it (ECDSA P-256 or RSA-2048), written in three layouts for the SAME certificates:
 *
 * <pre>
 * OUT/ccs/&lt;host&gt;.crt + &lt;host&gt;.key   the CCS folder for ccsfront (ccs.folder); nginx reads these files too
 * OUT/haproxy/&lt;host&gt;.pem             one combined PEM (leaf + key) per host, for HAProxy's "crt OUT/haproxy/"
 * OUT/nginx/servers.conf              one server block per host (ssl_certificate / ssl_certificate_key);
 *                                     each includes OUT/nginx/listen.conf, which the caller writes
 * OUT/hosts.tsv                       host TAB SHA-256 fingerprint of its leaf (AA:BB:… as Node prints it)
 * OUT/ca.crt                          the CA certificate (its key is never written)
 * OUT/generated.properties            what was generated and how long it took
 * </pre>
 *
 * Leaves are served without the CA (chain = the leaf alone) by every server. Keys are PKCS#8 PEM,
 * unencrypted: write them only to target/ or /tmp, never commit them.
 *
 * <p>RSA-2048 key generation costs ~50–150 ms a key here, so by default RSA leaves draw their key
 * from a pool of {@code -rsaKeys} keys (256) — every certificate is still distinct and every
 * server still loads one key per certificate; only the key's bits repeat. {@code -rsaKeys 0}
 * gives every RSA certificate its own key. EC keys are always distinct.
 *
 * <pre>java -cp loadtest/target/benchmarks.jar io.ccsfront.bench.CertGen -out DIR -n 10000 -key ec|rsa [-threads 2] [-rsaKeys 256]</pre>
 */
public final class CertGen {

    /** One DRBG per thread: the shared NativePRNG reads /dev/urandom under a lock (system time dominated). */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (GeneralSecurityException e) {
            return new SecureRandom();
        }
    });
    private static final Provider BC = new BouncyCastleProvider();

    private final Path out;
    private final int count;
    private final boolean rsa;
    private final int threads;
    private final int rsaKeys;
    private final String domain;

    private CertGen(Path out, int count, boolean rsa, int threads, int rsaKeys, String domain) {
        this.out = out;
        this.count = count;
        this.rsa = rsa;
        this.threads = threads;
        this.rsaKeys = rsaKeys;
        this.domain = domain;
    }

    public static void main(String[] args) throws Exception {
        Path out = null;
        int n = 10_000;
        String key = "ec";
        int threads = Runtime.getRuntime().availableProcessors();
        int rsaKeys = 256;
        String domain = "bench.test";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-out" -> out = Path.of(args[++i]);
                case "-n" -> n = Integer.parseInt(args[++i]);
                case "-key" -> key = args[++i].toLowerCase(Locale.ROOT);
                case "-threads" -> threads = Integer.parseInt(args[++i]);
                case "-rsaKeys" -> rsaKeys = Integer.parseInt(args[++i]);
                case "-domain" -> domain = args[++i];
                default -> {
                    System.err.println("usage: CertGen -out DIR [-n 10000] [-key ec|rsa] [-threads N] [-rsaKeys 256 (0: one key per cert)] [-domain bench.test]");
                    System.exit(2);
                }
            }
        }
        if (out == null || n < 1 || n > 999_999 || !(key.equals("ec") || key.equals("rsa"))) {
            System.err.println("usage: CertGen -out DIR [-n 10000] [-key ec|rsa] [-threads N] [-rsaKeys 256] [-domain bench.test]");
            System.exit(2);
        }
        new CertGen(out.toAbsolutePath(), n, key.equals("rsa"), Math.max(1, threads), Math.max(0, rsaKeys), domain).run();
    }

    /** {@code h00001.bench.test} for i = 1 (five digits up to 99,999, then six). */
    static String host(int i, int count, String domain) {
        return String.format(Locale.ROOT, count > 99_999 ? "h%06d.%s" : "h%05d.%s", i, domain);
    }

    private void run() throws Exception {
        long t0 = System.nanoTime();
        Path ccs = Files.createDirectories(out.resolve("ccs"));
        Path haproxy = Files.createDirectories(out.resolve("haproxy"));
        Path nginx = Files.createDirectories(out.resolve("nginx"));
        clean(ccs);
        clean(haproxy);

        KeyPair caKeys = newKeyPair();
        Instant now = Instant.now();
        X500Name caName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "ccsfront benchmark")
                .addRDN(BCStyle.CN, "ccsfront benchmark CA " + (rsa ? "RSA" : "EC")).build();
        X509v3CertificateBuilder cab = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE,
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), caName, caKeys.getPublic());
        cab.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        cab.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate ca = new JcaX509CertificateConverter().getCertificate(cab.build(signer(caKeys.getPrivate())));
        Files.writeString(out.resolve("ca.crt"), pem("CERTIFICATE", ca.getEncoded()));

        List<KeyPair> pool = new ArrayList<>();
        if (rsa && rsaKeys > 0) {
            pool = generatePool(Math.min(rsaKeys, count));
        }
        long tKeys = System.nanoTime();

        String[] fingerprints = new String[count + 1];
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        List<Future<?>> parts = new ArrayList<>();
        List<KeyPair> keyPool = pool;
        for (int t = 0; t < threads; t++) {
            int first = t;
            parts.add(ex.submit(() -> {
                try {
                    ContentSigner caSigner = signer(caKeys.getPrivate());
                    for (int i = first + 1; i <= count; i += threads) {
                        KeyPair kp = keyPool.isEmpty() ? newKeyPair() : keyPool.get((i - 1) % keyPool.size());
                        fingerprints[i] = leaf(i, kp, ca, caName, caSigner, now, ccs, haproxy);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }));
        }
        for (Future<?> f : parts) {
            f.get();
        }
        ex.shutdown();

        try (Writer w = Files.newBufferedWriter(out.resolve("hosts.tsv"), StandardCharsets.US_ASCII)) {
            for (int i = 1; i <= count; i++) {
                w.write(host(i, count, domain) + "\t" + fingerprints[i] + "\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(nginx.resolve("servers.conf"), StandardCharsets.US_ASCII)) {
            for (int i = 1; i <= count; i++) {
                String h = host(i, count, domain);
                w.write("server {\n    include " + nginx.resolve("listen.conf") + ";\n    server_name " + h + ";\n"
                        + "    ssl_certificate " + ccs.resolve(h + ".crt") + ";\n    ssl_certificate_key " + ccs.resolve(h + ".key") + ";\n"
                        + "    location / { return 200 \"ok\\n\"; }\n}\n");
            }
        }
        long t1 = System.nanoTime();
        double seconds = (t1 - t0) / 1e9;
        String summary = String.format(Locale.ROOT,
                "certificates=%d%nkey=%s%nrsaKeyPool=%d%nthreads=%d%nseconds=%.1f%nkeyPoolSeconds=%.1f%ngeneratedAt=%s%n",
                count, rsa ? "rsa2048" : "ecdsa-p256", rsa ? pool.size() : 0, threads, seconds, (tKeys - t0) / 1e9, Instant.now());
        Files.writeString(out.resolve("generated.properties"), summary);
        System.out.printf(Locale.ROOT, "generated %d %s certificates (+ CA) in %.1f s (%d threads%s) into %s%n", count,
                rsa ? "RSA-2048" : "ECDSA P-256", seconds, threads,
                rsa ? (pool.isEmpty() ? ", one key per certificate" : ", RSA key pool " + pool.size() + " built in "
                        + String.format(Locale.ROOT, "%.1f s", (tKeys - t0) / 1e9)) : "", out);
    }

    private String leaf(int i, KeyPair kp, X509Certificate ca, X500Name caName, ContentSigner caSigner, Instant now, Path ccs,
                        Path haproxy) throws Exception {
        String h = host(i, count, domain);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, h).build();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caName, new BigInteger(64, RANDOM.get()).add(BigInteger.TWO),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), subject, kp.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(rsa ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                : KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, h)));
        byte[] der = b.build(caSigner).getEncoded();
        String certPem = pem("CERTIFICATE", der);
        String keyPem = pem("PRIVATE KEY", kp.getPrivate().getEncoded());
        Files.writeString(ccs.resolve(h + ".crt"), certPem, StandardCharsets.US_ASCII);
        Files.writeString(ccs.resolve(h + ".key"), keyPem, StandardCharsets.US_ASCII);
        Files.writeString(haproxy.resolve(h + ".pem"), certPem + keyPem, StandardCharsets.US_ASCII);
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(der);
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha);
    }

    private List<KeyPair> generatePool(int size) throws Exception {
        KeyPair[] keys = new KeyPair[size];
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            parts.add(ex.submit(() -> {
                for (int i = first; i < size; i += threads) {
                    keys[i] = newKeyPair();
                }
                return null;
            }));
        }
        for (Future<?> f : parts) {
            f.get();
        }
        ex.shutdown();
        return List.of(keys);
    }

    private KeyPair newKeyPair() {
        try {
            if (rsa) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048, RANDOM.get());
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC); // ~5x faster than SunEC on JDK 17
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM.get());
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private ContentSigner signer(PrivateKey key) throws Exception {
        return rsa ? new JcaContentSignerBuilder("SHA256withRSA").build(key)
                : new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).setSecureRandom(RANDOM.get()).build(key);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Removes what an earlier run left (only .crt, .key and .pem files). */
    private static void clean(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            files.filter(f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".crt") || n.endsWith(".key") || n.endsWith(".pem");
            }).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
