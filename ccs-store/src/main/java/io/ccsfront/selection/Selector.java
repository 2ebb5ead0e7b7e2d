package io.ccsfront.selection;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.HostnamePortBinding;
import io.ccsfront.binding.IpAddresses;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.binding.SslBinding;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.name.CcsKeys;
import io.ccsfront.name.HostNames;
import io.ccsfront.selection.Decision.Outcome;
import io.ccsfront.selection.LevelTrace.Result;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP.SYS's certificate selection, once per TLS handshake (SPEC.md §2). A pure function of
 * (snapshot, local address, local port, SNI): no I/O, no locks, no allocation that grows with
 * the size of the tables.
 *
 * <ol>
 *   <li>exact IP:Port — an {@code ipport} binding for exactly L:P;</li>
 *   <li>exact Hostname:Port — S present and a {@code hostnameport} binding for S:P;</li>
 *   <li>CCS — S present, a {@code ccs=P} binding, and the CCS holds S (exact key, then the
 *       {@code _.}-wildcard key of S's parent — one label only);</li>
 *   <li>IPv6 wildcard — L is IPv6 and an {@code ipport=[::]:P} binding exists;</li>
 *   <li>IPv4 wildcard — an {@code ipport=0.0.0.0:P} binding exists (IPv4 and IPv6 clients).</li>
 * </ol>
 *
 * A level whose certificate cannot be used (missing from its store, no private key, or marked
 * broken by {@link CertificateHealth}) is never skipped silently: the decision reports it and
 * the handshake fails — unless {@code fallThroughUnusable} (HTTP.SYS's behaviour) is on, in
 * which case the walk continues and {@link Decision#unusableSkipped()} counts what was passed.
 *
 * <p>{@code local} may be null, meaning "an address with no exact IP:Port binding" (how
 * {@code doctor} simulates {@code *} site bindings); it is then treated as IPv4.
 */
public final class Selector {

    private final boolean fallThroughUnusable;

    public Selector(boolean fallThroughUnusable) {
        this.fallThroughUnusable = fallThroughUnusable;
    }

    /** The default: unusable certificates fail the handshake. */
    public static Selector strict() {
        return new Selector(false);
    }

    public boolean fallThroughUnusable() {
        return fallThroughUnusable;
    }

    /** The decision for one handshake, without a trace (the hot path). */
    public Decision select(ConfigSnapshot s, InetAddress local, int port, String sni, CertificateHealth health) {
        return walk(s, local, port, sni, health, null);
    }

    /** The decision with a trace of every level: what {@code explain} and {@code doctor} print. */
    public Decision explain(ConfigSnapshot s, InetAddress local, int port, String sni, CertificateHealth health) {
        return walk(s, local, port, sni, health, new ArrayList<>(5));
    }

    private Decision walk(ConfigSnapshot s, InetAddress rawLocal, int port, String rawSni, CertificateHealth health,
                          List<LevelTrace> trace) {
        InetAddress local = rawLocal == null ? null : IpAddresses.unmap(rawLocal);
        String sni = HostNames.normalize(rawSni);
        SniStatus sniStatus = rawSni == null || rawSni.isEmpty() ? SniStatus.ABSENT : sni == null ? SniStatus.INVALID : SniStatus.VALID;
        boolean ipv6 = local instanceof Inet6Address;
        Walk w = new Walk(trace, health, sni, sniStatus);

        // 1. exact IP:Port
        if (local == null) {
            w.noMatch(Level.IP_PORT, "no specific local address (any address)");
        } else {
            IpPortBinding b = s.ipPortBinding(new IpPort(local, port));
            if (b == null || b.ipPort().isWildcard()) {
                if (w.tracing()) {
                    w.noMatch(Level.IP_PORT, "no ipport binding for " + IpAddresses.format(local) + ":" + port);
                }
            } else if (w.candidate(Level.IP_PORT, b, null, s.certificate(b.certStoreName(), b.certHash()))) {
                return w.result;
            }
        }
        // 2. exact Hostname:Port
        if (sni == null) {
            w.noMatch(Level.HOSTNAME_PORT, sniStatus == SniStatus.INVALID ? "SNI is not a valid DNS name" : "no SNI sent");
        } else {
            HostnamePortBinding b = s.hostnamePortBinding(sni, port);
            if (b == null) {
                if (w.tracing()) {
                    w.noMatch(Level.HOSTNAME_PORT, "no hostnameport binding for " + sni + ":" + port);
                }
            } else if (w.candidate(Level.HOSTNAME_PORT, b, null, s.certificate(b.certStoreName(), b.certHash()))) {
                return w.result;
            }
        }
        // 3. Central Certificate Store
        CcsBinding ccsBinding = s.ccsBinding(port);
        if (sni == null) {
            w.noMatch(Level.CCS, sniStatus == SniStatus.INVALID ? "SNI is not a valid DNS name" : "no SNI sent");
        } else if (ccsBinding == null) {
            if (w.tracing()) {
                w.noMatch(Level.CCS, "no ccs=" + port + " binding");
            }
        } else {
            StoredCertificate exact = s.ccs(sni);
            String key = sni;
            StoredCertificate c = exact;
            if (c == null) {
                key = CcsKeys.wildcardFor(sni);
                c = key == null ? null : s.ccs(key);
            }
            if (c == null) {
                if (w.tracing()) {
                    w.noMatch(Level.CCS, "the CCS holds neither " + sni + (key != null ? " nor " + key : ""));
                }
            } else if (w.candidate(Level.CCS, ccsBinding, key, c)) {
                return w.result;
            }
        }
        // 4. IPv6 wildcard
        if (!ipv6) {
            w.noMatch(Level.IPV6_WILDCARD, "connection is IPv4");
        } else {
            IpPortBinding b = s.ipPortBinding(new IpPort(IpAddresses.IPV6_ANY, port));
            if (b == null) {
                if (w.tracing()) {
                    w.noMatch(Level.IPV6_WILDCARD, "no ipport=[::]:" + port + " binding");
                }
            } else if (w.candidate(Level.IPV6_WILDCARD, b, null, s.certificate(b.certStoreName(), b.certHash()))) {
                return w.result;
            }
        }
        // 5. IPv4 wildcard
        IpPortBinding b5 = s.ipPortBinding(new IpPort(IpAddresses.IPV4_ANY, port));
        if (b5 == null) {
            if (w.tracing()) {
                w.noMatch(Level.IPV4_WILDCARD, "no ipport=0.0.0.0:" + port + " binding");
            }
        } else if (w.candidate(Level.IPV4_WILDCARD, b5, null, s.certificate(b5.certStoreName(), b5.certHash()))) {
            return w.result;
        }
        return w.none();
    }

    /** The state of one walk: the trace (or null), and the result once a level decides. */
    private final class Walk {
        final List<LevelTrace> trace;
        final CertificateHealth health;
        final String sni;
        final SniStatus sniStatus;
        int unusable;
        Decision result;

        Walk(List<LevelTrace> trace, CertificateHealth health, String sni, SniStatus sniStatus) {
            this.trace = trace;
            this.health = health == null ? CertificateHealth.ALL_USABLE : health;
            this.sni = sni;
            this.sniStatus = sniStatus;
        }

        /** Whether explanations are wanted: callers build trace text only then (select() is the hot path). */
        boolean tracing() {
            return trace != null;
        }

        void noMatch(Level level, String why) {
            if (trace != null) {
                trace.add(new LevelTrace(level, Result.NO_MATCH, why));
            }
        }

        /** Returns true when the walk ends here (selected, or unusable without fall-through). */
        boolean candidate(Level level, SslBinding binding, String ccsKey, StoredCertificate cert) {
            String problem = problem(binding, cert);
            if (problem == null) {
                if (trace != null) {
                    trace.add(new LevelTrace(level, Result.SELECTED, where(binding, ccsKey) + " -> " + cert.thumbprint() + " (" + cert.summary().label() + ")"));
                    notReached(level);
                }
                result = new Decision(Outcome.SELECTED, level, binding, ccsKey, cert, null, sni, sniStatus, unusable, null, trace);
                return true;
            }
            if (trace != null) {
                trace.add(new LevelTrace(level, Result.UNUSABLE, where(binding, ccsKey) + ": " + problem
                        + (fallThroughUnusable ? " (falling through: fall-through is enabled)" : "")));
            }
            if (fallThroughUnusable) {
                unusable++;
                return false;
            }
            if (trace != null) {
                notReached(level);
            }
            result = new Decision(Outcome.UNUSABLE_CERTIFICATE, level, binding, ccsKey, cert, TlsAlert.HANDSHAKE_FAILURE, sni,
                    sniStatus, unusable, problem, trace);
            return true;
        }

        private String where(SslBinding binding, String ccsKey) {
            return ccsKey != null ? "CCS " + ccsKey : binding.key().toString();
        }

        Decision none() {
            TlsAlert alert = sni != null ? TlsAlert.UNRECOGNIZED_NAME : TlsAlert.HANDSHAKE_FAILURE;
            return new Decision(Outcome.NO_CERTIFICATE, null, null, null, null, alert, sni, sniStatus, unusable, null, trace);
        }

        private void notReached(Level decided) {
            for (Level l : Level.values()) {
                if (l.number() > decided.number()) {
                    trace.add(new LevelTrace(l, Result.NOT_REACHED, "level " + decided.number() + " decided"));
                }
            }
        }

        private String problem(SslBinding binding, StoredCertificate cert) {
            if (cert == null) {
                return "certificate " + binding.certHash() + " not found in store " + binding.certStoreName();
            }
            if (!cert.hasPrivateKey()) {
                return "certificate " + cert.thumbprint() + " has no private key";
            }
            return health.problem(cert.thumbprint());
        }
    }
}
