package io.ccsfront.doctor;

import io.ccsfront.binding.BindingKey;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.selection.CertificateHealth;
import io.ccsfront.selection.Selector;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code doctor}: what is wrong with a configuration, found by simulating the handshake of every
 * {@code https} site binding with {@link Selector#explain} (L = the binding's address, or any
 * address for {@code *}; P = its port; S = its host, or none) and by inspecting every bound
 * certificate and CCS entry. See {@link FindingCode} for what is reported.
 *
 * <pre>
 *   List&lt;Finding&gt; findings = Doctor.examine(snapshot, Selector.strict(), clock, Duration.ofDays(30));
 *   List&lt;Dependent&gt; users = Doctor.dependents(snapshot, BindingKey.parse("ipport=0.0.0.0:443"));
 * </pre>
 *
 * Pure: no I/O, time only from the given clock. Cost is one or two {@code explain} calls per
 * https site binding plus one pass over the bindings and the CCS.
 */
public final class Doctor {

    private Doctor() {
    }

    /** The findings, sorted by severity, code, then objects; empty for a healthy configuration. */
    public static List<Finding> examine(ConfigSnapshot snapshot, Selector selector, Clock clock, Duration expiringWithin) {
        return examine(snapshot, selector, clock, expiringWithin, CertificateHealth.ALL_USABLE);
    }

    /**
     * As {@link #examine(ConfigSnapshot, Selector, Clock, Duration)}, also reporting the keys the
     * front end failed to load ({@code health}), which simulation then treats as unusable.
     */
    public static List<Finding> examine(ConfigSnapshot snapshot, Selector selector, Clock clock, Duration expiringWithin,
                                        CertificateHealth health) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(expiringWithin, "expiringWithin");
        if (expiringWithin.isNegative()) {
            throw new IllegalArgumentException("expiringWithin must not be negative: " + expiringWithin);
        }
        CertificateHealth h = health == null ? CertificateHealth.ALL_USABLE : health;
        List<SiteHandshake> handshakes = SiteHandshake.simulate(snapshot, selector, h);
        List<Finding> out = new ArrayList<>();
        HandshakeChecks.check(snapshot, selector, h, handshakes, out);
        CertificateChecks.check(snapshot, clock, expiringWithin, h, out);
        SiteChecks.check(snapshot, byBinding(handshakes), out);
        return out.stream().distinct().sorted().toList();
    }

    /**
     * The site bindings whose handshakes use the SSL binding {@code key} today (strict selection,
     * every stored key usable), sorted by site name then binding. {@code sslcert delete} refuses
     * to delete a binding with dependents. Empty when nothing depends on it or it does not exist.
     */
    public static List<Dependent> dependents(ConfigSnapshot snapshot, BindingKey key) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(key, "key");
        List<SiteHandshake> handshakes = SiteHandshake.simulate(snapshot, Selector.strict(), CertificateHealth.ALL_USABLE);
        List<Dependent> deps = byBinding(handshakes).getOrDefault(key, List.of());
        return deps.stream()
                .sorted(Comparator.comparing((Dependent d) -> d.site(), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(d -> d.binding().toString()))
                .toList();
    }

    /** SSL binding → the site bindings whose (successful) handshakes it serves, without repeats. */
    static Map<BindingKey, List<Dependent>> byBinding(List<SiteHandshake> handshakes) {
        // a set per SSL binding: one ccs=PORT binding may serve 100,000 site bindings (a list's contains() was quadratic)
        Map<BindingKey, Set<Dependent>> sets = new LinkedHashMap<>();
        for (SiteHandshake h : handshakes) {
            if (!h.decision().selected()) {
                continue;
            }
            Dependent d = new Dependent(h.site().name(), h.binding(), h.decision().level());
            sets.computeIfAbsent(h.decision().binding().key(), k -> new LinkedHashSet<>()).add(d);
        }
        Map<BindingKey, List<Dependent>> out = new LinkedHashMap<>();
        sets.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        return out;
    }
}
