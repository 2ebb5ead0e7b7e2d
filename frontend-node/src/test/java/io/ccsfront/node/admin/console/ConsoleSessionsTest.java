package io.ccsfront.node.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Console sessions end when idle, at their maximum age, at sign-out; the cookie carries a random id, never the token. */
class ConsoleSessionsTest {

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Moving clock = new Moving();
    final ConsoleSessions sessions = new ConsoleSessions(clock);

    @Test
    void aSessionIdIsRandomAndNeitherTheTokenNorTheCsrfToken() {
        ConsoleSessions.Created a = sessions.create("admin", "the-admin-token-0123456789");
        ConsoleSessions.Created b = sessions.create("admin", "the-admin-token-0123456789");
        assertThat(a.id()).isNotEqualTo(b.id()).doesNotContain("the-admin-token").hasSizeGreaterThanOrEqualTo(43);
        assertThat(a.session().csrf).isNotEqualTo(a.id()).isNotEqualTo(b.session().csrf);
        assertThat(sessions.find(a.id())).isSameAs(a.session());
        assertThat(sessions.find(a.id() + "x")).isNull();
        assertThat(sessions.find(null)).isNull();
    }

    @Test
    void useKeepsASessionAliveUntilItsIdleTimeout() {
        ConsoleSessions.Created c = sessions.create("alice", "alice-token-0123456789");
        clock.now = clock.now.plus(ConsoleSessions.IDLE.minusMinutes(1));
        assertThat(sessions.find(c.id())).isNotNull();
        clock.now = clock.now.plus(ConsoleSessions.IDLE.minusMinutes(1));
        assertThat(sessions.find(c.id())).as("used a minute ago: still live").isNotNull();
        clock.now = clock.now.plus(ConsoleSessions.IDLE);
        assertThat(sessions.find(c.id())).as("idle for the whole timeout").isNull();
    }

    @Test
    void noSessionOutlivesItsMaximumAgeEvenWhenUsed() {
        ConsoleSessions.Created c = sessions.create("alice", "alice-token-0123456789");
        for (Duration d = Duration.ZERO; d.compareTo(ConsoleSessions.MAX_AGE) < 0; d = d.plusMinutes(20)) {
            clock.now = clock.now.plus(Duration.ofMinutes(20));
            if (d.plusMinutes(20).compareTo(ConsoleSessions.MAX_AGE) < 0) {
                assertThat(sessions.find(c.id())).as("after %s", d.plusMinutes(20)).isNotNull();
            }
        }
        assertThat(sessions.find(c.id())).isNull();
        assertThat(sessions.live(c.session())).isFalse();
    }

    @Test
    void signOutEndsTheSession() {
        ConsoleSessions.Created c = sessions.create("admin", "the-admin-token-0123456789");
        sessions.remove(c.id());
        assertThat(sessions.find(c.id())).isNull();
        assertThat(sessions.live(c.session())).isFalse();
    }

    @Test
    void theCsrfTokenMustMatchExactly() {
        ConsoleSessions.Session s = sessions.create("admin", "the-admin-token-0123456789").session();
        assertThat(s.csrfMatches(s.csrf)).isTrue();
        assertThat(s.csrfMatches(s.csrf.substring(1))).isFalse();
        assertThat(s.csrfMatches("")).isFalse();
        assertThat(s.csrfMatches(null)).isFalse();
    }

    @Test
    void theNumberOfSessionsIsBoundedByDroppingTheLeastRecentlyUsed() {
        ConsoleSessions.Created first = sessions.create("admin", "the-admin-token-0123456789");
        clock.now = clock.now.plusSeconds(1);
        ConsoleSessions.Created second = sessions.create("admin", "the-admin-token-0123456789");
        clock.now = clock.now.plusSeconds(1);
        for (int i = 2; i < ConsoleSessions.MAX_SESSIONS; i++) {
            sessions.create("admin", "the-admin-token-0123456789");
        }
        clock.now = clock.now.plusSeconds(1);
        assertThat(sessions.find(first.id())).isNotNull(); // used now: the most recent
        sessions.create("admin", "the-admin-token-0123456789");
        assertThat(sessions.size()).isEqualTo(ConsoleSessions.MAX_SESSIONS);
        assertThat(sessions.find(first.id())).isNotNull();
        assertThat(sessions.find(second.id())).isNull();
    }
}
