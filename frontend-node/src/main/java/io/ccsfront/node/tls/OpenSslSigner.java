package io.ccsfront.node.tls;

import io.netty.internal.tcnative.AsyncSSLPrivateKeyMethod;
import io.netty.internal.tcnative.ResultCallback;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLHandshakeException;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAccess;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemoryLayout;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;
import jdk.incubator.foreign.SymbolLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private-key operations of RSA certificates done by the system's OpenSSL 3 {@code libcrypto}
 * instead of BoringSSL ({@code tls.rsaSigner=openssl}). On this machine netty-tcnative's BoringSSL
 * spends about 1.5 ms of CPU per RSA-2048 handshake where Debian's OpenSSL 3.0, which uses the CPU's
 * AVX-512 IFMA instructions, needs about 1.0 ms for the same signature (measured: docs/BENCHMARKS.md
 * "RSA signatures through OpenSSL 3"). netty-tcnative lets a context hand key operations to an
 * {@link AsyncSSLPrivateKeyMethod}, and uses it for a connection whose key material has a chain but
 * no key, which {@link SelectingKeyManager} gives for RSA certificates. This method
 * finds the certificate chosen for the connection (its {@link HandshakeState}, by the native SSL
 * pointer: {@link HandshakeLookup}) and signs with that
 * certificate's key as loaded into OpenSSL. ECDSA keys stay with BoringSSL (its P-256 signature is
 * cheaper than the call out), but are handled here too if they ever come.
 *
 * <p>The binding is Java 17's incubating foreign-function API ({@code jdk.incubator.foreign}; the
 * JVM needs {@code --add-modules jdk.incubator.foreign --enable-native-access=ALL-UNNAMED}, and
 * this is the only class that uses it — the API changed in later JDKs). Each key is parsed into an
 * {@code EVP_PKEY} once, on its first signature, with ready {@code EVP_PKEY_CTX}s per signature
 * scheme kept in a pool; all of it is freed when the {@link PreparedCertificate} holding the key
 * becomes unreachable (a {@link Cleaner}: never while a handshake can still use it, since the
 * handshake holds the prepared certificate). The input is hashed in Java (SHA-2 of ~100 bytes) and
 * OpenSSL signs the digest. A key OpenSSL cannot parse, and any scheme not handled here (Ed25519),
 * is signed by the JDK instead — slower, never wrong. Keys never leave process memory.
 */
final class OpenSslSigner implements AsyncSSLPrivateKeyMethod {

    private static final Logger LOG = LoggerFactory.getLogger(OpenSslSigner.class);
    private static final Cleaner CLEANER = Cleaner.create();

    /** Where Debian, Ubuntu, Fedora and Alpine keep OpenSSL 3's libcrypto. */
    static final List<String> DEFAULT_LIBRARIES = List.of("/usr/lib/x86_64-linux-gnu/libcrypto.so.3",
            "/usr/lib/aarch64-linux-gnu/libcrypto.so.3", "/usr/lib64/libcrypto.so.3", "/lib/libcrypto.so.3",
            "/usr/lib/libcrypto.so.3");

    private static final int EVP_PKEY_RSA = 6;
    private static final int EVP_PKEY_EC = 408;
    private static final int RSA_PKCS1_PADDING = 1;
    private static final int RSA_NO_PADDING = 3;
    private static final int RSA_PKCS1_PSS_PADDING = 6;
    private static final int RSA_PSS_SALTLEN_DIGEST = -1;

    private final MethodHandle d2iAutoPrivateKey;
    private final MethodHandle d2iPrivateKey;
    private final MethodHandle pkeyFree;
    private final MethodHandle pkeyGetBaseId;
    private final MethodHandle ctxNew;
    private final MethodHandle ctxFree;
    private final MethodHandle signInit;
    private final MethodHandle sign;
    private final MethodHandle decryptInit;
    private final MethodHandle decrypt;
    private final MethodHandle setSignatureMd;
    private final MethodHandle setRsaPadding;
    private final MethodHandle setRsaPssSaltLen;
    private final MemoryAddress sha1;
    private final MemoryAddress sha256;
    private final MemoryAddress sha384;
    private final MemoryAddress sha512;
    private final String library;
    private final String version;

    final LongAdder openSslOperations = new LongAdder();
    final LongAdder jdkOperations = new LongAdder();
    /** Operations handed to the importer thread because their key was cold. */
    final LongAdder offLoop = new LongAdder();
    /**
     * Imports cold keys (and does their first signature) off the event loops: one thread, a
     * bounded queue; when it is full the event loop does the work itself.
     */
    private final ThreadPoolExecutor importer = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64), r -> {
        Thread t = new Thread(r, "ccsfront-openssl-key-import");
        t.setDaemon(true);
        return t;
    });

    {
        importer.allowCoreThreadTimeOut(true); // no idle thread once the hot set is imported
    }
    /** Keys loaded into OpenSSL, and freed again (for tests and leak checks). */
    final LongAdder loaded = new LongAdder();
    final LongAdder freed = new LongAdder();

    private OpenSslSigner(String library) throws Throwable {
        System.load(library);
        SymbolLookup lib = SymbolLookup.loaderLookup();
        CLinker c = CLinker.getInstance();
        this.library = library;
        MethodHandle versionNum = handle(c, lib, "OpenSSL_version_num", FunctionDescriptor.of(CLinker.C_LONG));
        long v = (long) versionNum.invokeExact();
        if ((v >>> 28) < 3) {
            throw new IllegalStateException(library + " is OpenSSL " + Long.toHexString(v) + ", not 3.x");
        }
        MethodHandle versionText = handle(c, lib, "OpenSSL_version", FunctionDescriptor.of(CLinker.C_POINTER, CLinker.C_INT));
        this.version = CLinker.toJavaString((MemoryAddress) versionText.invokeExact(0));
        d2iAutoPrivateKey = handle(c, lib, "d2i_AutoPrivateKey",
                FunctionDescriptor.of(CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_LONG));
        d2iPrivateKey = handle(c, lib, "d2i_PrivateKey",
                FunctionDescriptor.of(CLinker.C_POINTER, CLinker.C_INT, CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_LONG));
        pkeyFree = handle(c, lib, "EVP_PKEY_free", FunctionDescriptor.ofVoid(CLinker.C_POINTER));
        pkeyGetBaseId = handle(c, lib, "EVP_PKEY_get_base_id", FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER));
        ctxNew = handle(c, lib, "EVP_PKEY_CTX_new", FunctionDescriptor.of(CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_POINTER));
        ctxFree = handle(c, lib, "EVP_PKEY_CTX_free", FunctionDescriptor.ofVoid(CLinker.C_POINTER));
        signInit = handle(c, lib, "EVP_PKEY_sign_init", FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER));
        sign = handle(c, lib, "EVP_PKEY_sign", FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER, CLinker.C_POINTER,
                CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_LONG));
        decryptInit = handle(c, lib, "EVP_PKEY_decrypt_init", FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER));
        decrypt = handle(c, lib, "EVP_PKEY_decrypt", FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER, CLinker.C_POINTER,
                CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_LONG));
        setSignatureMd = handle(c, lib, "EVP_PKEY_CTX_set_signature_md",
                FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER, CLinker.C_POINTER));
        setRsaPadding = handle(c, lib, "EVP_PKEY_CTX_set_rsa_padding", FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER, CLinker.C_INT));
        setRsaPssSaltLen = handle(c, lib, "EVP_PKEY_CTX_set_rsa_pss_saltlen",
                FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER, CLinker.C_INT));
        sha1 = digest(c, lib, "EVP_sha1");
        sha256 = digest(c, lib, "EVP_sha256");
        sha384 = digest(c, lib, "EVP_sha384");
        sha512 = digest(c, lib, "EVP_sha512");
    }

    /**
     * The signer over the first of {@code candidates} that is OpenSSL 3's libcrypto.
     *
     * @throws IllegalStateException naming each library tried and why it was not used
     */
    static OpenSslSigner load(List<String> candidates) {
        StringBuilder why = new StringBuilder();
        for (String lib : candidates) {
            if (!Files.isReadable(Path.of(lib))) {
                why.append(lib).append(": not found; ");
                continue;
            }
            try {
                return new OpenSslSigner(lib);
            } catch (Throwable e) {
                why.append(lib).append(": ").append(e).append("; ");
            }
        }
        throw new IllegalStateException(why.length() == 0 ? "no library given" : why.substring(0, why.length() - 2));
    }

    String description() {
        return version + " (" + library + ")";
    }

    /**
     * Called by netty-tcnative on the event loop, in the handshake. A key already in OpenSSL and
     * used once is signed with at once (~0.55 ms for RSA-2048). A key not yet there costs OpenSSL
     * 3 about 0.4 ms to import and another ~1 ms on its first signature (its per-key set-up), so
     * that work goes to the {@link #importer} thread and the handshake resumes when it is done;
     * the event loop serves other connections meanwhile. When the importer is busy (a burst of
     * cold certificates), the event loop does it, as for any other handshake work.
     */
    @Override
    public void sign(long ssl, int signatureAlgorithm, byte[] input, ResultCallback<byte[]> callback) {
        run(ssl, callback, p -> sign(p, signatureAlgorithm, input));
    }

    @Override
    public void decrypt(long ssl, byte[] input, ResultCallback<byte[]> callback) {
        run(ssl, callback, p -> decrypt(p, input));
    }

    private interface Operation {
        byte[] apply(PreparedCertificate p) throws Exception;
    }

    private void run(long ssl, ResultCallback<byte[]> callback, Operation op) {
        PreparedCertificate p;
        try {
            p = chosen(ssl);
        } catch (Exception e) {
            callback.onError(ssl, e);
            return;
        }
        if (!warm(p)) {
            try {
                importer.execute(() -> complete(ssl, callback, op, p));
                offLoop.increment();
                return;
            } catch (RejectedExecutionException busy) {
                // fall through: do it here
            }
        }
        complete(ssl, callback, op, p);
    }

    private static void complete(long ssl, ResultCallback<byte[]> callback, Operation op, PreparedCertificate p) {
        byte[] result;
        try {
            result = op.apply(p);
        } catch (Throwable e) {
            callback.onError(ssl, e);
            return;
        }
        callback.onSuccess(ssl, result);
    }

    /**
     * Whether {@code p}'s key is in OpenSSL and has signed once. A key OpenSSL could not load is
     * never warm: the JDK signs for it (milliseconds for RSA), on the importer thread too.
     */
    private static boolean warm(PreparedCertificate p) {
        return p.slot().nativeKey instanceof NativeKey nk && nk.used;
    }

    /** Signs {@code input} (the TLS signature input, unhashed) under {@code signatureAlgorithm} with {@code p}'s key. */
    byte[] sign(PreparedCertificate p, int signatureAlgorithm, byte[] input) throws Exception {
        Scheme s = Scheme.of(signatureAlgorithm);
        NativeKey nk = s == null ? null : nativeKey(p);
        if (nk == null) {
            jdkOperations.increment();
            return jdkSign(p.key(), signatureAlgorithm, input);
        }
        openSslOperations.increment();
        return nk.sign(s, MessageDigest.getInstance(s.digest).digest(input));
    }

    /** TLS 1.2 RSA key exchange: the raw RSA decryption BoringSSL asks for (it checks the PKCS #1 padding itself). */
    byte[] decrypt(PreparedCertificate p, byte[] input) throws Exception {
        NativeKey nk = nativeKey(p);
        if (nk == null || !nk.rsa) {
            throw new SSLHandshakeException("RSA decryption with a key OpenSSL could not load");
        }
        openSslOperations.increment();
        return nk.decrypt(input);
    }

    private static PreparedCertificate chosen(long ssl) throws SSLHandshakeException {
        HandshakeState st = HandshakeLookup.ofSsl(ssl);
        PreparedCertificate p = st == null ? null : st.prepared();
        if (p == null) {
            throw new SSLHandshakeException("no certificate chosen for this handshake");
        }
        return p;
    }

    /** The key in OpenSSL, loaded on first use; null when OpenSSL cannot use it (the JDK signs). */
    private NativeKey nativeKey(PreparedCertificate p) {
        KeySlot slot = p.slot();
        Object k = slot.nativeKey;
        if (k == null) {
            synchronized (slot) {
                k = slot.nativeKey;
                if (k == null) {
                    k = loadKey(p);
                    slot.nativeKey = k;
                }
            }
        }
        return k instanceof NativeKey nk ? nk : null;
    }

    private Object loadKey(PreparedCertificate p) {
        byte[] der = p.key().getEncoded();
        if (der == null) {
            return Boolean.FALSE;
        }
        try (ResourceScope scope = ResourceScope.newConfinedScope()) {
            MemorySegment buf = MemorySegment.allocateNative(der.length, scope);
            buf.copyFrom(MemorySegment.ofArray(der));
            MemorySegment pp = MemorySegment.allocateNative(CLinker.C_POINTER, scope);
            MemoryAccess.setAddress(pp, buf.address());
            // with the key type named, OpenSSL 3 tries one decoder instead of all: ~370 µs instead of ~1,000 µs per RSA-2048 key here
            int type = switch (p.key().getAlgorithm()) {
                case "RSA" -> EVP_PKEY_RSA;
                case "EC" -> EVP_PKEY_EC;
                default -> 0;
            };
            MemoryAddress pkey = type == 0
                    ? (MemoryAddress) d2iAutoPrivateKey.invokeExact(MemoryAddress.NULL, pp.address(), (long) der.length)
                    : (MemoryAddress) d2iPrivateKey.invokeExact(type, MemoryAddress.NULL, pp.address(), (long) der.length);
            buf.fill((byte) 0);
            if (pkey.equals(MemoryAddress.NULL)) {
                LOG.warn("OpenSSL could not load the {} key of certificate {}; the JDK signs for it", p.key().getAlgorithm(), p.thumbprint());
                return Boolean.FALSE;
            }
            NativeKey nk = new NativeKey(pkey, (int) pkeyGetBaseId.invokeExact(pkey) == EVP_PKEY_RSA);
            CLEANER.register(p.slot(), nk.state);
            loaded.increment();
            return nk;
        } catch (Throwable e) {
            LOG.warn("OpenSSL could not load the key of certificate {}: {}; the JDK signs for it", p.thumbprint(), e.toString());
            return Boolean.FALSE;
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /** TLS signature schemes OpenSSL signs here (the SignatureScheme code points of RFC 8446). */
    enum Scheme {
        RSA_PKCS1_SHA1(SSL_SIGN_RSA_PKCS1_SHA1, "SHA-1", RSA_PKCS1_PADDING),
        RSA_PKCS1_SHA256(SSL_SIGN_RSA_PKCS1_SHA256, "SHA-256", RSA_PKCS1_PADDING),
        RSA_PKCS1_SHA384(SSL_SIGN_RSA_PKCS1_SHA384, "SHA-384", RSA_PKCS1_PADDING),
        RSA_PKCS1_SHA512(SSL_SIGN_RSA_PKCS1_SHA512, "SHA-512", RSA_PKCS1_PADDING),
        RSA_PSS_SHA256(SSL_SIGN_RSA_PSS_RSAE_SHA256, "SHA-256", RSA_PKCS1_PSS_PADDING),
        RSA_PSS_SHA384(SSL_SIGN_RSA_PSS_RSAE_SHA384, "SHA-384", RSA_PKCS1_PSS_PADDING),
        RSA_PSS_SHA512(SSL_SIGN_RSA_PSS_RSAE_SHA512, "SHA-512", RSA_PKCS1_PSS_PADDING),
        ECDSA_SHA1(SSL_SIGN_ECDSA_SHA1, "SHA-1", 0),
        ECDSA_SHA256(SSL_SIGN_ECDSA_SECP256R1_SHA256, "SHA-256", 0),
        ECDSA_SHA384(SSL_SIGN_ECDSA_SECP384R1_SHA384, "SHA-384", 0),
        ECDSA_SHA512(SSL_SIGN_ECDSA_SECP521R1_SHA512, "SHA-512", 0);

        final int code;
        final String digest;
        final int rsaPadding;

        Scheme(int code, String digest, int rsaPadding) {
            this.code = code;
            this.digest = digest;
            this.rsaPadding = rsaPadding;
        }

        static Scheme of(int code) {
            for (Scheme s : values()) {
                if (s.code == code) {
                    return s;
                }
            }
            return null;
        }
    }

    private MemoryAddress md(Scheme s) {
        return switch (s.digest) {
            case "SHA-1" -> sha1;
            case "SHA-256" -> sha256;
            case "SHA-384" -> sha384;
            default -> sha512;
        };
    }

    @FunctionalInterface
    private interface NativeContextFactory {
        MemoryAddress create() throws Throwable;
    }

    /** What the cleaner frees: the EVP_PKEY and every EVP_PKEY_CTX made for it. Holds no Java key. */
    private final class NativeState implements Runnable {
        final MemoryAddress pkey;
        /** Ready contexts per scheme (last slot: decryption), each pool made on the scheme's first use. */
        private final AtomicReferenceArray<ConcurrentLinkedQueue<MemoryAddress>> ctxs =
                new AtomicReferenceArray<>(Scheme.values().length + 1);

        NativeState(MemoryAddress pkey) {
            this.pkey = pkey;
        }

        ConcurrentLinkedQueue<MemoryAddress> pool(int slot) {
            ConcurrentLinkedQueue<MemoryAddress> q = ctxs.get(slot);
            if (q == null) {
                ctxs.compareAndSet(slot, null, new ConcurrentLinkedQueue<>());
                q = ctxs.get(slot);
            }
            return q;
        }

        @Override
        public void run() {
            try {
                for (int i = 0; i < ctxs.length(); i++) {
                    ConcurrentLinkedQueue<MemoryAddress> q = ctxs.get(i);
                    for (MemoryAddress c = q == null ? null : q.poll(); c != null; c = q.poll()) {
                        ctxFree.invokeExact(c);
                    }
                }
                pkeyFree.invokeExact(pkey);
                freed.increment();
            } catch (Throwable e) {
                LOG.warn("freeing an OpenSSL key failed: {}", e.toString());
            }
        }
    }

    /** One key in OpenSSL, with a pool of ready contexts per scheme (one per thread signing at once). */
    private final class NativeKey {
        final NativeState state;
        final boolean rsa;
        /** Set after the first operation: OpenSSL's per-key set-up is done. */
        volatile boolean used;

        NativeKey(MemoryAddress pkey, boolean rsa) {
            this.state = new NativeState(pkey);
            this.rsa = rsa;
        }

        byte[] sign(Scheme s, byte[] digest) throws Exception {
            byte[] sig = operate(s.ordinal(), () -> newContext(s), sign, digest, "EVP_PKEY_sign (" + s + ")");
            used = true;
            return sig;
        }

        byte[] decrypt(byte[] input) throws Exception {
            return operate(Scheme.values().length, () -> {
                MemoryAddress ctx = (MemoryAddress) ctxNew.invokeExact(state.pkey, MemoryAddress.NULL);
                if (ctx.equals(MemoryAddress.NULL) || (int) decryptInit.invokeExact(ctx) != 1
                        || (int) setRsaPadding.invokeExact(ctx, RSA_NO_PADDING) != 1) {
                    if (!ctx.equals(MemoryAddress.NULL)) {
                        ctxFree.invokeExact(ctx);
                    }
                    throw new GeneralSecurityException("OpenSSL could not set up an RSA decryption");
                }
                return ctx;
            }, decrypt, input, "EVP_PKEY_decrypt");
        }

        /**
         * One operation ({@code EVP_PKEY_sign} or {@code EVP_PKEY_decrypt}: same signature) on a
         * context from pool {@code slot}, made by {@code make} when the pool is empty and given back
         * afterwards; a context whose operation failed is freed instead. The output buffer is wiped.
         * What the native calls throw beyond exceptions and errors is reported as a {@link GeneralSecurityException}.
         */
        private byte[] operate(int slot, NativeContextFactory make, MethodHandle op, byte[] input, String what) throws Exception {
            try {
                return operate0(state.pool(slot), make, op, input, what);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new GeneralSecurityException(e);
            }
        }

        private byte[] operate0(ConcurrentLinkedQueue<MemoryAddress> pool, NativeContextFactory make, MethodHandle op, byte[] input,
                                String what) throws Throwable {
            MemoryAddress ctx = pool.poll();
            if (ctx == null) {
                ctx = make.create();
            }
            try (ResourceScope scope = ResourceScope.newConfinedScope()) {
                MemorySegment in = MemorySegment.allocateNative(input.length, scope);
                in.copyFrom(MemorySegment.ofArray(input));
                MemorySegment out = MemorySegment.allocateNative(Math.max(1024, input.length), scope);
                MemorySegment len = MemorySegment.allocateNative(CLinker.C_LONG, scope);
                MemoryAccess.setLong(len, out.byteSize());
                int r = (int) op.invokeExact(ctx, out.address(), len.address(), in.address(), (long) input.length);
                if (r != 1) {
                    ctxFree.invokeExact(ctx);
                    ctx = null;
                    throw new GeneralSecurityException("OpenSSL " + what + " failed");
                }
                byte[] result = out.asSlice(0, MemoryAccess.getLong(len)).toByteArray();
                out.fill((byte) 0);
                return result;
            } finally {
                if (ctx != null) {
                    pool.offer(ctx);
                }
            }
        }

        private MemoryAddress newContext(Scheme s) throws Throwable {
            if (rsa != (s.rsaPadding != 0)) {
                throw new GeneralSecurityException(s + " asked of a " + (rsa ? "RSA" : "non-RSA") + " key");
            }
            MemoryAddress ctx = (MemoryAddress) ctxNew.invokeExact(state.pkey, MemoryAddress.NULL);
            boolean ok = !ctx.equals(MemoryAddress.NULL) && (int) signInit.invokeExact(ctx) == 1
                    && (int) setSignatureMd.invokeExact(ctx, md(s)) == 1;
            if (ok && rsa) {
                ok = (int) setRsaPadding.invokeExact(ctx, s.rsaPadding) == 1
                        && (s.rsaPadding != RSA_PKCS1_PSS_PADDING || (int) setRsaPssSaltLen.invokeExact(ctx, RSA_PSS_SALTLEN_DIGEST) == 1);
            }
            if (!ok) {
                if (!ctx.equals(MemoryAddress.NULL)) {
                    ctxFree.invokeExact(ctx);
                }
                throw new GeneralSecurityException("OpenSSL could not set up " + s);
            }
            return ctx;
        }
    }

    /** The JDK's signature for a scheme OpenSSL does not handle here, or a key it could not load. */
    static byte[] jdkSign(PrivateKey key, int scheme, byte[] input) throws GeneralSecurityException {
        Signature sig;
        Scheme s = Scheme.of(scheme);
        if (scheme == SSL_SIGN_ED25519) {
            sig = Signature.getInstance("Ed25519");
        } else if (s == null) {
            throw new GeneralSecurityException("unsupported signature scheme 0x" + Integer.toHexString(scheme));
        } else if (s.rsaPadding == RSA_PKCS1_PSS_PADDING) {
            sig = Signature.getInstance("RSASSA-PSS");
            int len = switch (s.digest) {
                case "SHA-256" -> 32;
                case "SHA-384" -> 48;
                default -> 64;
            };
            sig.setParameter(new PSSParameterSpec(s.digest, "MGF1", new MGF1ParameterSpec(s.digest), len, 1));
        } else {
            sig = Signature.getInstance(s.digest.replace("-", "") + "with" + (s.rsaPadding == 0 ? "ECDSA" : "RSA"));
        }
        sig.initSign(key);
        sig.update(input);
        return sig.sign();
    }

    private static MethodHandle handle(CLinker c, SymbolLookup lib, String name, FunctionDescriptor d) {
        MemoryAddress symbol = lib.lookup(name).orElseThrow(() -> new IllegalStateException("symbol " + name + " not found"));
        return c.downcallHandle(symbol, methodType(d), d);
    }

    private static MethodType methodType(FunctionDescriptor d) {
        Class<?>[] params = d.argumentLayouts().stream().map(OpenSslSigner::carrier).toArray(Class<?>[]::new);
        return MethodType.methodType(d.returnLayout().map(OpenSslSigner::carrier).orElse(void.class), params);
    }

    private static Class<?> carrier(MemoryLayout l) {
        if (l.equals(CLinker.C_POINTER)) {
            return MemoryAddress.class;
        }
        return l.equals(CLinker.C_INT) ? int.class : long.class;
    }

    private static MemoryAddress digest(CLinker c, SymbolLookup lib, String name) throws Throwable {
        return (MemoryAddress) handle(c, lib, name, FunctionDescriptor.of(CLinker.C_POINTER)).invokeExact();
    }
}
