package io.ccsfront.binding;

import io.ccsfront.cert.Thumbprint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code netsh http add sslcert} key=value form, in and out.
 *
 * <p>Input: {@code [netsh http] [add sslcert] ipport=10.0.0.1:443 certhash=… appid={…}
 * [certstorename=MY] [mintlsversion=1.2] [clientcertnegotiation=enable|disable]
 * [disablehttp2=enable|disable]}; the same with {@code hostnameport=} or {@code ccs=}.
 * Unknown keys are refused by name rather than ignored. Output: {@link #toAddCommand} (the
 * same form) and {@link #show} (the {@code netsh http show sslcert} layout).
 */
public final class NetshCodec {

    private static final Set<String> KNOWN = Set.of("ipport", "hostnameport", "ccs", "certhash", "appid",
            "certstorename", "mintlsversion", "clientcertnegotiation", "disablehttp2");

    private NetshCodec() {
    }

    /** Parses one {@code add sslcert} line into a binding. */
    public static SslBinding parseAdd(String line) {
        return parseAdd(tokens(line));
    }

    /** Parses the key=value arguments of {@code add sslcert} (already split into words). */
    public static SslBinding parseAdd(List<String> words) {
        Map<String, String> kv = keyValues(words);
        List<String> kinds = new ArrayList<>();
        for (String k : List.of("ipport", "hostnameport", "ccs")) {
            if (kv.containsKey(k)) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            throw new IllegalArgumentException("exactly one of ipport=, hostnameport= or ccs= is required, got: "
                    + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
        }
        TlsOptions tls = tlsOptions(kv);
        String appId = kv.get("appid");
        return switch (kinds.get(0)) {
            case "ccs" -> {
                if (kv.containsKey("certhash")) {
                    throw new IllegalArgumentException("certhash is not allowed with ccs= (the certificate comes from the CCS): "
                            + kv.get("certhash"));
                }
                yield new CcsBinding(Ports.parse(kv.get("ccs"), "ccs"), appId, tls);
            }
            case "ipport" -> new IpPortBinding(IpPort.parse(kv.get("ipport")), certHash(kv), kv.get("certstorename"), appId, tls);
            default -> {
                BindingKey key = BindingKey.parseHostnamePort(kv.get("hostnameport"));
                int colon = key.value().lastIndexOf(':');
                yield new HostnamePortBinding(key.value().substring(0, colon), Integer.parseInt(key.value().substring(colon + 1)),
                        certHash(kv), kv.get("certstorename"), appId, tls);
            }
        };
    }

    /** The {@code netsh http add sslcert …} line that recreates {@code b}. */
    public static String toAddCommand(SslBinding b) {
        StringBuilder sb = new StringBuilder("netsh http add sslcert ").append(b.key());
        if (b.certHash() != null) {
            sb.append(" certhash=").append(b.certHash().hex());
        }
        if (b.appId() != null) {
            sb.append(" appid=").append(b.appId());
        }
        if (b.certStoreName() != null) {
            sb.append(" certstorename=").append(b.certStoreName());
        }
        TlsOptions t = b.tls();
        if (t.minVersion() != TlsOptions.DEFAULT.minVersion()) {
            sb.append(" mintlsversion=").append(t.minVersion().text());
        }
        if (t.negotiateClientCertificate()) {
            sb.append(" clientcertnegotiation=enable");
        }
        if (!t.http2()) {
            sb.append(" disablehttp2=enable");
        }
        return sb.toString();
    }

    /** The {@code netsh http show sslcert} layout for the given bindings. */
    public static String show(Collection<? extends SslBinding> bindings) {
        StringBuilder sb = new StringBuilder("\nSSL Certificate bindings:\n-------------------------\n");
        for (SslBinding b : bindings) {
            sb.append('\n');
            if (b instanceof IpPortBinding ip) {
                line(sb, "IP:port", ip.ipPort().toString());
            } else if (b instanceof HostnamePortBinding h) {
                line(sb, "Hostname:port", h.hostname() + ":" + h.port());
            } else {
                line(sb, "Central Certificate Store", Integer.toString(b.port()));
            }
            if (b.certHash() != null) {
                line(sb, "Certificate Hash", b.certHash().hex().toLowerCase(Locale.ROOT));
            }
            line(sb, "Application ID", b.appId() == null ? "(null)" : b.appId());
            if (b.certStoreName() != null) {
                line(sb, "Certificate Store Name", b.certStoreName());
            }
            line(sb, "Minimum TLS Version", b.tls().minVersion().text());
            line(sb, "Negotiate Client Certificate", b.tls().negotiateClientCertificate() ? "Enabled" : "Disabled");
            line(sb, "Disable HTTP2", b.tls().http2() ? "Not Set" : "Set");
        }
        return sb.toString();
    }

    /** Splits a command line on whitespace, dropping a leading {@code netsh http} and {@code add sslcert}. */
    static List<String> tokens(String line) {
        List<String> words = new ArrayList<>(List.of(line.strip().split("\\s+")));
        dropPrefix(words, "netsh");
        dropPrefix(words, "http");
        dropPrefix(words, "add");
        dropPrefix(words, "sslcert");
        return words;
    }

    private static void dropPrefix(List<String> words, String w) {
        if (!words.isEmpty() && words.get(0).equalsIgnoreCase(w)) {
            words.remove(0);
        }
    }

    /**
     * The key=value words. A word without {@code =} right after {@code certhash=…} that is made of
     * hex digits continues the thumbprint: {@code certutil} prints it in groups separated by spaces
     * ({@code certhash=8e54a399 6383e962 …}, whether the shell kept it one word or split it).
     * Keys are lower case; unknown or repeated keys are refused by name.
     */
    public static Map<String, String> keyValues(List<String> words) {
        Map<String, String> kv = new LinkedHashMap<>();
        String last = null;
        for (String w : words) {
            if (w.isBlank()) {
                continue;
            }
            int eq = w.indexOf('=');
            if (eq < 0 && "certhash".equals(last) && isThumbprintGroup(w)) {
                kv.put(last, kv.get(last) + " " + w);
                continue;
            }
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got: " + w);
            }
            String k = w.substring(0, eq).toLowerCase(Locale.ROOT);
            last = k;
            if (!KNOWN.contains(k)) {
                throw new IllegalArgumentException("unknown sslcert parameter " + k + " (known: " + String.join(", ", KNOWN.stream().sorted().toList()) + "): " + w);
            }
            if (kv.put(k, w.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("parameter given twice: " + k);
            }
        }
        return kv;
    }

    private static boolean isThumbprintGroup(String w) {
        return w.chars().allMatch(c -> java.util.HexFormat.isHexDigit(c) || c == ':' || c == '\u200e' || c == '\u200f' || c == '\ufeff');
    }

    private static Thumbprint certHash(Map<String, String> kv) {
        String h = kv.get("certhash");
        if (h == null) {
            throw new IllegalArgumentException("certhash is required for ipport= and hostnameport= bindings");
        }
        return Thumbprint.parse(h);
    }

    private static TlsOptions tlsOptions(Map<String, String> kv) {
        TlsOptions t = TlsOptions.DEFAULT;
        if (kv.containsKey("mintlsversion")) {
            t = t.withMinVersion(TlsOptions.TlsVersion.parse(kv.get("mintlsversion")));
        }
        if (kv.containsKey("clientcertnegotiation")) {
            t = t.withClientCertificate(enable("clientcertnegotiation", kv.get("clientcertnegotiation")));
        }
        if (kv.containsKey("disablehttp2")) {
            t = t.withHttp2(!enable("disablehttp2", kv.get("disablehttp2")));
        }
        return t;
    }

    private static boolean enable(String key, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "enable", "enabled", "true", "yes" -> true;
            case "disable", "disabled", "false", "no" -> false;
            default -> throw new IllegalArgumentException(key + " must be enable or disable: " + v);
        };
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append("    ").append(String.format("%-29s", label)).append(": ").append(value).append('\n');
    }
}
