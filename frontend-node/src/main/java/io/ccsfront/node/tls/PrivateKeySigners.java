package io.ccsfront.node.tls;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.internal.tcnative.AsyncSSLPrivateKeyMethod;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses who computes the private-key operations of RSA certificates ({@code tls.rsaSigner}):
 * BoringSSL itself, or the system's OpenSSL 3 through {@link OpenSslSigner}. Touches the signer class only once the
 * JVM is known to have the incubating foreign-function module, so a node started without the
 * flags never loads it.
 */
final class PrivateKeySigners {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateKeySigners.class);

    private static final String OPERATIONS = "private-key operations (handshake signatures, RSA key-exchange decryptions) done outside BoringSSL";

    /** The JVM options {@code tls.rsaSigner=openssl} needs. */
    public static final String JVM_FLAGS = "--add-modules jdk.incubator.foreign --enable-native-access=ALL-UNNAMED";

    private PrivateKeySigners() {
    }

    /** A choice that cannot be honoured ({@code tls.rsaSigner=openssl} without its flags or library). */
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    /**
     * The private-key method for BoringSSL contexts (used for RSA certificates), or null for BoringSSL's own.
     *
     * @param choice {@code auto}, {@code openssl} or {@code boringssl}
     * @param libraries libcrypto paths to try (empty: {@link OpenSslSigner#DEFAULT_LIBRARIES})
     * @param boringSsl whether the node's TLS engine is BoringSSL (the JDK engine has no such hook)
     * @throws IllegalArgumentException for an unknown choice
     * @throws Unavailable when {@code openssl} was asked for and cannot be had
     */
    static AsyncSSLPrivateKeyMethod choose(String choice, List<String> libraries, boolean boringSsl, MeterRegistry registry) {
        String c = choice.toLowerCase(Locale.ROOT);
        if (!c.equals("auto") && !c.equals("openssl") && !c.equals("boringssl")) {
            throw new IllegalArgumentException("tls.rsaSigner must be auto, openssl or boringssl: " + choice);
        }
        if (c.equals("boringssl") || !boringSsl) {
            if (c.equals("openssl")) {
                throw new Unavailable("tls.rsaSigner=openssl needs tls.engine=openssl");
            }
            return null;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.foreign").isEmpty()) {
            if (c.equals("openssl")) {
                throw new Unavailable("tls.rsaSigner=openssl needs the JVM options " + JVM_FLAGS);
            }
            LOG.info("RSA handshake signatures by BoringSSL; start the JVM with {} (bin/ccsfront does) to have the system's "
                    + "OpenSSL 3 compute them: about 30 % less CPU per RSA-2048 handshake here (docs/BENCHMARKS.md)", JVM_FLAGS);
            return null;
        }
        OpenSslSigner signer;
        try {
            signer = OpenSslSigner.load(libraries.isEmpty() ? OpenSslSigner.DEFAULT_LIBRARIES : libraries);
        } catch (IllegalStateException e) { // load() reports every library tried, whatever went wrong with each
            if (c.equals("openssl")) {
                throw new Unavailable("tls.rsaSigner=openssl: no usable OpenSSL 3 libcrypto: " + e.getMessage());
            }
            LOG.warn("tls.rsaSigner=auto: no usable OpenSSL 3 libcrypto ({}); BoringSSL signs", e.getMessage());
            return null;
        }
        LOG.info("RSA handshake signatures by {}; ECDSA by BoringSSL", signer.description());
        FunctionCounter.builder("ccsfront.tls.private.key.operations", signer, s -> s.openSslOperations.sum())
                .description(OPERATIONS)
                .tag("by", "openssl").register(registry);
        FunctionCounter.builder("ccsfront.tls.private.key.operations", signer, s -> s.jdkOperations.sum())
                .description(OPERATIONS)
                .tag("by", "jdk").register(registry);
        FunctionCounter.builder("ccsfront.tls.private.key.offloop", signer, s -> s.offLoop.sum())
                .description("private-key operations whose key was cold (first use: OpenSSL's import and set-up), done on the key-import thread instead of an event loop")
                .register(registry);
        return signer;
    }
}
