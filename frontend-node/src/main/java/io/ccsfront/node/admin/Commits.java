package io.ccsfront.node.admin;

import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigException;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.node.state.ConfigService;
import java.util.function.Function;

/**
 * Commits a change computed from a snapshot, with the version check every mutating call makes.
 * With an expected version (If-Match / expectedVersion) the change is computed from the current
 * snapshot only when it is at that version, else 412 and nothing changes. Without one, the change
 * is computed from the current snapshot and committed against its version; if another change
 * slipped in between, it is recomputed (a few times), so a read-modify-write such as "add a
 * worker to site S" never loses a concurrent edit.
 */
final class Commits {

    private static final int ATTEMPTS = 5;

    private final ConfigService service;

    Commits(ConfigService service) {
        this.service = service;
    }

    ConfigSnapshot current() {
        return service.current();
    }

    /** Computes the change from the right snapshot and commits it as {@code r}'s actor. Blocking. */
    ChangeRecord commit(ApiRequest r, Function<ConfigSnapshot, ConfigChange> compute) {
        long expected = r.expectedVersion();
        if (expected != ConfigService.ANY_VERSION) {
            ConfigSnapshot s = service.current();
            if (s.version() != expected) {
                throw new ConfigException.StaleVersion(expected, s.version());
            }
            return service.commit(compute.apply(s), expected, r.actor());
        }
        for (int attempt = 1; ; attempt++) {
            ConfigSnapshot s = service.current();
            try {
                return service.commit(compute.apply(s), s.version(), r.actor());
            } catch (ConfigException.StaleVersion e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The snapshot a read or a check should use: the current one, which must be at the expected version if one is given. */
    ConfigSnapshot checked(ApiRequest r) {
        long expected = r.expectedVersion();
        ConfigSnapshot s = service.current();
        if (expected != ConfigService.ANY_VERSION && s.version() != expected) {
            throw new ConfigException.StaleVersion(expected, s.version());
        }
        return s;
    }
}
