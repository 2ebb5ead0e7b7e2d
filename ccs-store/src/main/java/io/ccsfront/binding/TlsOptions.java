package io.ccsfront.binding;

import java.util.Locale;
import java.util.Objects;

/**
 * Per-binding TLS options (SPEC.md §1): the minimum protocol version, client-certificate
 * negotiation and whether HTTP/2 may be negotiated by ALPN.
 *
 * <p>netsh keys: {@code mintlsversion=1.2|1.3}, {@code clientcertnegotiation=enable|disable},
 * {@code disablehttp2=enable|disable}.
 */
public record TlsOptions(TlsVersion minVersion, boolean negotiateClientCertificate, boolean http2) {

    /** TLS 1.2 minimum, no client certificates, HTTP/2 allowed. */
    public static final TlsOptions DEFAULT = new TlsOptions(TlsVersion.TLS_1_2, false, true);

    public TlsOptions {
        Objects.requireNonNull(minVersion, "minVersion");
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    public TlsOptions withMinVersion(TlsVersion v) {
        return new TlsOptions(v, negotiateClientCertificate, http2);
    }

    public TlsOptions withClientCertificate(boolean on) {
        return new TlsOptions(minVersion, on, http2);
    }

    public TlsOptions withHttp2(boolean on) {
        return new TlsOptions(minVersion, negotiateClientCertificate, on);
    }

    /** The protocol versions a TLS version floor allows. */
    public enum TlsVersion {
        TLS_1_2("1.2", "TLSv1.2"),
        TLS_1_3("1.3", "TLSv1.3");

        private final String text;
        private final String jsse;

        TlsVersion(String text, String jsse) {
            this.text = text;
            this.jsse = jsse;
        }

        public String text() {
            return text;
        }

        /** The JSSE protocol name ({@code TLSv1.2}). */
        public String jsseName() {
            return jsse;
        }

        public static TlsVersion parse(String s) {
            String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replace("tlsv", "").replace("tls", "");
            for (TlsVersion t : values()) {
                if (t.text.equals(v)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("mintlsversion must be 1.2 or 1.3: " + s);
        }
    }
}
