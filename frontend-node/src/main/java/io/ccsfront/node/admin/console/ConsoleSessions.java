package io.ccsfront.node.admin.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's sign-in sessions, in this node's memory only. A session is created when an admin
 * token is presented to {@code POST /console/api/session}; the browser then holds only a random
 * session id in an {@code HttpOnly}, {@code SameSite=Strict} cookie (never the token), and the page
 * holds the session's CSRF token in memory. Sessions end after {@link #IDLE} without use, after
 * {@link #MAX_AGE} in any case, at sign-out, and when the node stops. The map is keyed by the
 * SHA-256 of the session id, so the ids themselves are not kept.
 */
final class ConsoleSessions {

    /** A session unused this long is gone. */
    static final Duration IDLE = Duration.ofMinutes(30);
    /** No session lives longer than this. */
    static final Duration MAX_AGE = Duration.ofHours(8);
    /** At most this many sessions at once; signing in beyond it ends the least recently used one. */
    static final int MAX_SESSIONS = 1000;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One signed-in browser: the identity, the token it signed in with (forwarded as its bearer), its CSRF token. */
    static final class Session {
        final String actor;
        final String token;
        final String csrf;
        final Instant created;
        private volatile Instant lastUsed;

        private Session(String actor, String token, String csrf, Instant created) {
            this.actor = Objects.requireNonNull(actor, "actor");
            this.token = Objects.requireNonNull(token, "token");
            this.csrf = Objects.requireNonNull(csrf, "csrf");
            this.created = created;
            this.lastUsed = created;
        }

        Instant expiresAt() {
            Instant idle = lastUsed.plus(IDLE);
            Instant max = created.plus(MAX_AGE);
            return idle.isBefore(max) ? idle : max;
        }

        /** Whether {@code presented} is this session's CSRF token (constant time). */
        boolean csrfMatches(String presented) {
            return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                    csrf.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A new session and the id the cookie carries. */
    record Created(String id, Session session) {
    }

    private final Clock clock;
    private final Map<String, Session> byIdHash = new ConcurrentHashMap<>();

    ConsoleSessions(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Created create(String actor, String token) {
        Instant now = clock.instant();
        byIdHash.values().removeIf(s -> !s.expiresAt().isAfter(now));
        while (byIdHash.size() >= MAX_SESSIONS) {
            byIdHash.entrySet().stream().min(Comparator.comparing(e -> e.getValue().lastUsed))
                    .ifPresent(e -> byIdHash.remove(e.getKey(), e.getValue()));
        }
        String id = random();
        Session s = new Session(actor, token, random(), now);
        byIdHash.put(hash(id), s);
        return new Created(id, s);
    }

    /** The live session of this cookie value (and marks it used), or null. */
    Session find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return null;
        }
        String key = hash(id);
        Session s = byIdHash.get(key);
        if (s == null) {
            return null;
        }
        Instant now = clock.instant();
        if (!s.expiresAt().isAfter(now)) {
            byIdHash.remove(key, s);
            return null;
        }
        s.lastUsed = now;
        return s;
    }

    /** Whether the session is still live, without marking it used (event streams check this). */
    boolean live(Session s) {
        return byIdHash.containsValue(s) && s.expiresAt().isAfter(clock.instant());
    }

    void remove(String id) {
        if (id != null) {
            byIdHash.remove(hash(id));
        }
    }

    int size() {
        return byIdHash.size();
    }

    /** 32 random bytes, URL-safe base64 without padding. */
    static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
