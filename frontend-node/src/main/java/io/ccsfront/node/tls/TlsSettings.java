package io.ccsfront.node.tls;

import io.ccsfront.node.config.NodeConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The TLS options ({@code tls.*}), typed and validated.
 *
 * @param openSsl            {@code tls.engine=openssl}: BoringSSL when it loads, else the JDK engine
 * @param minTlsVersion      {@code 1.2} or {@code 1.3}
 * @param rsaSigner          {@code auto}, {@code openssl} or {@code boringssl} ({@link PrivateKeySigners})
 * @param rsaSignerLibraries libcrypto paths to try (empty: the usual locations)
 */
public record TlsSettings(boolean openSsl, String minTlsVersion, int cacheSize, Duration handshakeTimeout, boolean sessionTickets,
                          Duration ticketKeyRotation, boolean fallThroughUnusable, String rsaSigner, List<String> rsaSignerLibraries,
                          Duration nativeCacheRefreshInterval) {

    public TlsSettings {
        Objects.requireNonNull(minTlsVersion, "minTlsVersion");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(ticketKeyRotation, "ticketKeyRotation");
        Objects.requireNonNull(rsaSigner, "rsaSigner");
        rsaSignerLibraries = List.copyOf(rsaSignerLibraries);
        Objects.requireNonNull(nativeCacheRefreshInterval, "nativeCacheRefreshInterval");
    }

    public static TlsSettings from(NodeConfig c) {
        String engine = c.string("tls.engine").toLowerCase(Locale.ROOT);
        if (!engine.equals("openssl") && !engine.equals("jdk")) {
            throw new NodeConfig.ConfigError("tls.engine must be openssl or jdk: " + engine);
        }
        String min = c.string("tls.minVersion");
        if (!min.equals("1.2") && !min.equals("1.3")) {
            throw new NodeConfig.ConfigError("tls.minVersion must be 1.2 or 1.3: " + min);
        }
        return new TlsSettings(engine.equals("openssl"), min, c.integer("tls.cacheSize", 1, 10_000_000), c.duration("tls.handshakeTimeout"),
                c.bool("tls.sessionTickets"), c.duration("tls.ticketKeyRotation"), c.bool("tls.fallThroughUnusable"),
                c.string("tls.rsaSigner"), c.list("tls.rsaSignerLibrary"), c.duration("tls.nativeCacheRefreshInterval"));
    }
}
