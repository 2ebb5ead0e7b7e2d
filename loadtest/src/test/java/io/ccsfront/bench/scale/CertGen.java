package io.ccsfront.bench.scale;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Test data for the scale runs (docs/BENCHMARKS.md, "Scale: 100,000 hostnames"): one private
 * CA, then ECDSA P-256 leaf certificates issued by it, generated on all cores.
 *
 * <ul>
 *   <li>{@code <out>/ccs/<host>.crt} (leaf + CA) and {@code <out>/ccs/<host>.key} (PKCS#8) for
 *       {@code --ccs} hostnames {@code c<i>.ccs.bench.test} — the IIS CCS folder layout with the
 *       PEM-pair extension, read by a node with {@code ccs.folder};</li>
 *   <li>{@code <out>/sni/<host>.pem} (chain + key) for {@code --sni} hostnames
 *       {@code s<i>.sni.bench.test}, imported through the admin API and bound as
 *       {@code hostnameport} (SNI) bindings by {@link Setup};</li>
 *   <li>{@code <out>/hosts.csv}: {@code host,worker,kind} for every hostname ({@code worker} is the
 *       site worker that must answer it: {@code w<i mod sites>});</li>
 *   <li>{@code <out>/ca.crt}.</li>
 * </ul>
 *
 * Keys are written in plain text into a folder under target/ for the run only: never commit them.
 *
 * <pre>CertGen --out DIR [--ccs 100000] [--sni 10000] [--sites 20] [--threads N]</pre>
 */
public final class CertGen {

    /** Bouncy Castle's EC (fixed-point comb multiplication) is several times faster than JDK 17's SunEC here. */
    static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    static final String CCS_DOMAIN = "ccs.bench.test";
    static final String SNI_DOMAIN = "sni.bench.test";

    private final X509Certificate caCert;
    private final PrivateKey caKey;
    private final X500Name caName = new X500Name("CN=ccsfront bench CA");
    private final AtomicLong serial = new AtomicLong(System.currentTimeMillis() << 20);
    private final Instant notBefore = Instant.now().minus(Duration.ofDays(1));
    private final Instant notAfter = Instant.now().plus(Duration.ofDays(365));

    public CertGen() throws Exception {
        KeyPair ca = newKey();
        this.caKey = ca.getPrivate();
        var b = new JcaX509v3CertificateBuilder(caName, BigInteger.valueOf(serial.incrementAndGet()), Date.from(notBefore),
                Date.from(notAfter.plus(Duration.ofDays(365))), caName, ca.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        this.caCert = new JcaX509CertificateConverter().getCertificate(b.build(signer(caKey)));
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(arg(args, "--out", "target/ccsfront-bench/data"));
        int ccs = Integer.parseInt(arg(args, "--ccs", "100000"));
        int sni = Integer.parseInt(arg(args, "--sni", "10000"));
        int sites = Integer.parseInt(arg(args, "--sites", "20"));
        int threads = Integer.parseInt(arg(args, "--threads", Integer.toString(Runtime.getRuntime().availableProcessors())));
        long t0 = System.nanoTime();
        CertGen gen = new CertGen();
        Files.createDirectories(out.resolve("ccs"));
        Files.createDirectories(out.resolve("sni"));
        Files.writeString(out.resolve("ca.crt"), pem(gen.caCert));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        int slice = 500;
        for (int from = 0; from < ccs; from += slice) {
            int a = from;
            int b = Math.min(ccs, from + slice);
            done.add(pool.submit(() -> {
                for (int i = a; i < b; i++) {
                    String host = ccsHost(i);
                    Issued c = gen.issue(host);
                    write(out.resolve("ccs").resolve(host + ".crt"), c.chainPem);
                    write(out.resolve("ccs").resolve(host + ".key"), c.keyPem);
                }
                return null;
            }));
        }
        for (int from = 0; from < sni; from += slice) {
            int a = from;
            int b = Math.min(sni, from + slice);
            done.add(pool.submit(() -> {
                for (int i = a; i < b; i++) {
                    String host = sniHost(i);
                    Issued c = gen.issue(host);
                    write(out.resolve("sni").resolve(host + ".pem"), c.chainPem + c.keyPem);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        long genMs = (System.nanoTime() - t0) / 1_000_000;
        StringBuilder csv = new StringBuilder("host,worker,kind\n");
        // interleave the two kinds so that any prefix of the file mixes CCS and SNI hostnames
        int total = ccs + sni;
        int ci = 0;
        int si = 0;
        for (int k = 0; k < total; k++) {
            boolean takeSni = si < sni && (ci >= ccs || (long) si * total <= (long) k * sni);
            if (takeSni) {
                csv.append(sniHost(si)).append(",w").append(si % sites).append(",sni\n");
                si++;
            } else {
                csv.append(ccsHost(ci)).append(",w").append(ci % sites).append(",ccs\n");
                ci++;
            }
        }
        Files.writeString(out.resolve("hosts.csv"), csv);
        Files.writeString(out.resolve("generated.properties"), "ccs=" + ccs + "\nsni=" + sni + "\nsites=" + sites + "\n");
        System.out.printf("generated %d CCS + %d SNI ECDSA P-256 certificates (CA-issued) in %.1f s with %d threads into %s%n",
                ccs, sni, genMs / 1000.0, threads, out.toAbsolutePath());
    }

    static String ccsHost(int i) {
        return "c" + i + "." + CCS_DOMAIN;
    }

    static String sniHost(int i) {
        return "s" + i + "." + SNI_DOMAIN;
    }

    record Issued(String chainPem, String keyPem) {
    }

    Issued issue(String host) throws Exception {
        KeyPair kp = newKey();
        var b = new JcaX509v3CertificateBuilder(caName, BigInteger.valueOf(serial.incrementAndGet()), Date.from(notBefore),
                Date.from(notAfter), new X500Name("CN=" + host), kp.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(b.build(signer(caKey)));
        return new Issued(pem(leaf) + pem(caCert), keyPem(kp.getPrivate()));
    }

    /** A leaf for {@code names} with its chain and key as one PEM text (used by the rotation simulation). */
    public String issuePem(String host) throws Exception {
        Issued c = issue(host);
        return c.chainPem + c.keyPem;
    }

    private static final ThreadLocal<KeyPairGenerator> KPG = ThreadLocal.withInitial(() -> {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
            g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return g;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    static KeyPair newKey() {
        return KPG.get().generateKeyPair();
    }

    static ContentSigner signer(PrivateKey key) throws Exception {
        return new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(key);
    }

    static String pem(Object o) {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter p = new JcaPEMWriter(w)) {
            p.writeObject(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    static String keyPem(PrivateKey k) {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter p = new JcaPEMWriter(w)) {
            p.writeObject(new PemObject("PRIVATE KEY", k.getEncoded()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    private static void write(Path p, String s) throws IOException {
        try (Writer w = Files.newBufferedWriter(p, StandardCharsets.US_ASCII)) {
            w.write(s);
        }
    }

    static String arg(String[] args, String name, String def) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return def;
    }
}
