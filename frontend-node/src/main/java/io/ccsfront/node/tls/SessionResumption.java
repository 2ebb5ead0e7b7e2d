package io.ccsfront.node.tls;

import io.ccsfront.cert.KeyProtector;
import io.ccsfront.cert.Thumbprint;
import io.netty.handler.ssl.OpenSslServerSessionContext;
import io.netty.handler.ssl.OpenSslSessionTicketKey;
import io.netty.handler.ssl.SslContext;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS session resumption across the cluster, and its end when certificates change.
 *
 * <p>BoringSSL: every node derives the same session-ticket keys from the master key, the
 * current epoch ({@code time / tls.ticketKeyRotation}) and the certificate generation (the
 * configuration version of the last change that touched certificates). So a client resumes on
 * any node; keys rotate every period with the previous epoch's key still accepted for one
 * period; and a rotation (any certificate change) moves every node to new keys, so no ticket
 * issued under the old certificate is accepted again — TLS 1.3 resumption does not re-select
 * the certificate. Nothing secret travels through the cluster.
 *
 * <p>JDK engine: ticket keys cannot be set, so the node uses the JDK's stateful session cache
 * and, when certificates change, invalidates the sessions whose certificate was affected.
 * Resumption then works only on the node that issued the session.
 */
final class SessionResumption {

    private static final Logger LOG = LoggerFactory.getLogger(SessionResumption.class);

    private final KeyProtector protector;
    private final Clock clock;
    private final long periodSeconds;
    private final boolean enabled;
    private final List<SslContext> contexts = new CopyOnWriteArrayList<>();
    private volatile long generation;
    private volatile long installedEpoch = Long.MIN_VALUE;
    private volatile long installedGeneration = Long.MIN_VALUE;

    SessionResumption(KeyProtector protector, Clock clock, Duration period, boolean enabled, long generation) {
        this.protector = protector;
        this.clock = clock;
        this.periodSeconds = Math.max(1, period.toSeconds());
        this.enabled = enabled;
        this.generation = generation;
    }

    /** Hook for {@link VertxTlsSeam.Settings#onContextCreated()}. */
    void register(SslContext ctx) {
        contexts.add(ctx);
        install(ctx, epoch(), generation);
    }

    /** Called every second: moves to the next epoch's keys when the period turns. */
    void tick() {
        long e = epoch();
        if (e != installedEpoch || generation != installedGeneration) {
            installAll();
        }
    }

    /** Certificates changed at configuration version {@code version}: end resumption of sessions that used them. */
    void certificatesChanged(long version, Set<Thumbprint> affected) {
        if (affected.isEmpty()) {
            return;
        }
        generation = version;
        installAll();
        for (SslContext ctx : contexts) {
            if (!(ctx.sessionContext() instanceof OpenSslServerSessionContext)) {
                invalidateJdkSessions(ctx.sessionContext(), affected);
            }
        }
    }

    long generation() {
        return generation;
    }

    private void installAll() {
        long e = epoch();
        long g = generation;
        for (SslContext ctx : contexts) {
            install(ctx, e, g);
        }
        installedEpoch = e;
        installedGeneration = g;
        LOG.debug("session ticket keys for epoch {} generation {} installed on {} contexts", e, g, contexts.size());
    }

    private void install(SslContext ctx, long epoch, long gen) {
        if (enabled && ctx.sessionContext() instanceof OpenSslServerSessionContext sc) {
            sc.setTicketKeys(key(epoch, gen), key(epoch - 1, gen));
        }
    }

    long epoch() {
        return clock.instant().getEpochSecond() / periodSeconds;
    }

    /** 48 bytes (name, HMAC key, AES key) derived from the master key; equal on every node. */
    OpenSslSessionTicketKey key(long epoch, long gen) {
        byte[] a = protector.mac(protector.currentKeyId(), "ticket-key", ("a:" + gen + ":" + epoch).getBytes(StandardCharsets.US_ASCII));
        byte[] b = protector.mac(protector.currentKeyId(), "ticket-key", ("b:" + gen + ":" + epoch).getBytes(StandardCharsets.US_ASCII));
        return new OpenSslSessionTicketKey(Arrays.copyOfRange(a, 0, 16), Arrays.copyOfRange(a, 16, 32), Arrays.copyOfRange(b, 0, 16));
    }

    private static void invalidateJdkSessions(SSLSessionContext sc, Set<Thumbprint> affected) {
        int n = 0;
        for (byte[] id : Collections.list(sc.getIds())) {
            SSLSession s = sc.getSession(id);
            Certificate[] local = s == null ? null : s.getLocalCertificates();
            if (local != null && local.length > 0) {
                try {
                    if (affected.contains(Thumbprint.of(local[0].getEncoded()))) {
                        s.invalidate();
                        n++;
                    }
                } catch (CertificateEncodingException e) {
                    s.invalidate();
                }
            }
        }
        if (n > 0) {
            LOG.info("invalidated {} TLS sessions established under changed certificates", n);
        }
    }
}
