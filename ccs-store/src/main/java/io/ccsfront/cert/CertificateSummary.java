package io.ccsfront.cert;

import io.ccsfront.name.HostNames;
import io.ccsfront.name.HostnameMatcher;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * What the hot paths and {@code doctor} need to know of a leaf certificate, kept small so that
 * 100,000 of them fit in memory: its thumbprint, the names it covers, its validity and whether
 * it is self-signed. Everything else is derived from the DER on demand
 * ({@link CertificateDetails}).
 *
 * <p>{@code names} are the SAN dNSName entries (lower case); the subject CN only when the
 * certificate has no SAN dNSName at all (SPEC.md §1). {@code ipAddresses} are the IP-address
 * SANs in canonical text form.
 */
public record CertificateSummary(Thumbprint thumbprint, List<String> names, List<String> ipAddresses,
                                 Instant notBefore, Instant notAfter, boolean selfSigned) {

    public CertificateSummary {
        Objects.requireNonNull(thumbprint, "thumbprint");
        names = List.copyOf(names);
        ipAddresses = List.copyOf(ipAddresses);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
    }

    /** Reads the summary of a parsed leaf certificate. */
    public static CertificateSummary of(X509Certificate leaf) {
        try {
            Thumbprint tp = Thumbprint.of(leaf.getEncoded());
            List<String> dns = new ArrayList<>();
            List<String> ips = new ArrayList<>();
            Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == 2 && san.get(1) instanceof String s) {
                        dns.add(canonicalName(s));
                    } else if (type == 7 && san.get(1) instanceof String s) {
                        ips.add(canonicalIp(s));
                    }
                }
            }
            if (dns.isEmpty()) {
                String cn = commonName(leaf);
                if (cn != null) {
                    dns.add(canonicalName(cn));
                }
            }
            boolean selfSigned = leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())
                    && verifiesItself(leaf);
            return new CertificateSummary(tp, dns, ips, leaf.getNotBefore().toInstant(),
                    leaf.getNotAfter().toInstant(), selfSigned);
        } catch (CertificateEncodingException | CertificateParsingException e) {
            throw new CertificateProblem("certificate cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether this certificate covers the normalised hostname or IP literal {@code host}. */
    public boolean covers(String host) {
        if (host == null) {
            return false;
        }
        if (!ipAddresses.isEmpty() && looksLikeIp(host)) {
            String canonical = canonicalIp(host);
            return ipAddresses.contains(canonical);
        }
        return HostnameMatcher.anyMatches(names, host);
    }

    public boolean isExpired(Clock clock) {
        return clock.instant().isAfter(notAfter);
    }

    public boolean isNotYetValid(Clock clock) {
        return clock.instant().isBefore(notBefore);
    }

    public boolean expiresWithin(Clock clock, Duration window) {
        return !clock.instant().plus(window).isBefore(notAfter);
    }

    /** The first name, or the first IP, or the thumbprint: how listings label the certificate. */
    public String label() {
        return !names.isEmpty() ? names.get(0) : !ipAddresses.isEmpty() ? ipAddresses.get(0) : thumbprint.hex();
    }

    static String commonName(X509Certificate cert) {
        try {
            LdapName dn = new LdapName(cert.getSubjectX500Principal().getName());
            for (int i = dn.size() - 1; i >= 0; i--) {
                Rdn rdn = dn.getRdns().get(i);
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }

    private static String canonicalName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("*.")) {
            String rest = HostNames.normalize(lower.substring(2));
            return rest == null ? lower : "*." + rest;
        }
        String n = HostNames.normalize(lower);
        return n == null ? lower : n;
    }

    private static boolean looksLikeIp(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    private static String canonicalIp(String ip) {
        String s = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
        try {
            if (s.indexOf(':') >= 0 || s.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
                return InetAddress.getByName(s).getHostAddress();
            }
        } catch (UnknownHostException e) {
            return s;
        }
        return s;
    }

    private static boolean verifiesItself(X509Certificate cert) {
        return SignatureCheck.verifies(cert, cert.getPublicKey());
    }
}
