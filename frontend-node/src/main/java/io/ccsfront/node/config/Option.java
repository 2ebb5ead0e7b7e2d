package io.ccsfront.node.config;

import java.util.List;
import java.util.Locale;

/**
 * One configuration option: its dotted path in the YAML file, its default, and what it does.
 * Every option can also be set by the environment variable {@link #envName()} and on the
 * command line with {@code --set path=value}. {@link #ALL} is the single list of options;
 * {@code --help} prints it.
 */
public record Option(String path, String defaultValue, String description) {

    public static final List<Option> ALL = List.of(
            new Option("node.name", "", "node name shown in logs, metrics and cluster status (default: the host name)"),
            new Option("node.dataDir", "./data", "local data folder: configuration journal and snapshots, master key, admin token"),
            new Option("listeners.https", "0.0.0.0:8443", "HTTPS listeners, comma-separated HOST:PORT (bind wildcards; certificates are chosen per handshake)"),
            new Option("listeners.http", "0.0.0.0:8080", "plain-HTTP listeners, comma-separated HOST:PORT (empty: none)"),
            new Option("listeners.maxConnections", "20000", "open client connections per listener before new ones are refused"),
            new Option("admin.host", "127.0.0.1", "admin API, /metrics and /health listener address (loopback by default)"),
            new Option("admin.port", "9090", "admin API, /metrics and /health port"),
            new Option("admin.tokenFile", "", "file holding the admin bearer token (default: <dataDir>/admin.token, created on first start)"),
            new Option("admin.token", "", "the admin bearer token itself (prefer CCSFRONT_ADMIN_TOKEN or a token file)"),
            new Option("admin.tokensFile", "", "file of further admin tokens, one name:token per line; the name is the actor in the audit log (read at start)"),
            new Option("admin.remoteTimeout", "3s", "timeout of calls to other members' admin APIs (cluster status)"),
            new Option("admin.minVersionWait", "10s", "how long a request carrying Ccsfront-Min-Version waits for this node to apply that version before 503"),
            new Option("admin.maxUploadBytes", "1048576", "largest request body the admin API accepts (certificate uploads)"),
            new Option("admin.tls.certFile", "", "PEM certificate chain for HTTPS on the admin listener (empty: plain HTTP on loopback)"),
            new Option("admin.tls.keyFile", "", "PEM private key for HTTPS on the admin listener"),
            new Option("masterKey.file", "", "file holding the 32-byte cluster master key, base64 (default: <dataDir>/master.key, created on first start)"),
            new Option("masterKey.value", "", "the master key itself, base64 (prefer CCSFRONT_MASTERKEY_VALUE from a secret)"),
            new Option("masterKey.retiredFiles", "", "comma-separated files of retired master keys still accepted for opening keys"),
            new Option("tls.engine", "openssl", "TLS engine: openssl (BoringSSL via netty-tcnative) or jdk"),
            new Option("tls.rsaSigner", "auto", "who computes the RSA signature of a full handshake (and TLS 1.2 RSA key exchange) for RSA certificates: openssl = the system's OpenSSL 3 libcrypto (about 30 % less CPU per RSA-2048 handshake here; the JVM needs --add-modules jdk.incubator.foreign --enable-native-access=ALL-UNNAMED, as bin/ccsfront gives), boringssl, or auto = openssl when those flags are given and the library loads, else boringssl. ECDSA keys are always BoringSSL's (faster there)"),
            new Option("tls.rsaSignerLibrary", "", "OpenSSL 3 libcrypto for tls.rsaSigner, comma-separated paths tried in order (empty: the usual Debian/Ubuntu/Fedora/Alpine locations)"),
            new Option("tls.minVersion", "1.2", "lowest TLS version accepted: 1.2 or 1.3 (a binding may raise it)"),
            new Option("tls.cacheSize", "10000", "prepared certificates (parsed chain + opened key) kept in memory, by thumbprint"),
            new Option("tls.handshakeTimeout", "10s", "a client that has not finished its handshake in this time is disconnected"),
            new Option("tls.sessionTickets", "true", "TLS session tickets (resumption); ticket keys are shared by the cluster"),
            new Option("tls.ticketKeyRotation", "1h", "how often the shared session-ticket key is rotated"),
            new Option("tls.nativeCacheRefreshInterval", "5m", "BoringSSL: shortest time between rebuilds of the TLS contexts when more certificates were served than its native key cache holds (tls.cacheSize)"),
            new Option("tls.fallThroughUnusable", "false", "HTTP.SYS behaviour: when a level's certificate cannot be used, try the next level instead of failing the handshake"),
            new Option("tls.defaultCertificate", "true", "on first start, create a self-signed 'Default' certificate bound to 0.0.0.0 and [::] on each HTTPS port"),
            new Option("ccs.folder", "", "IIS Central Certificate Store folder to import from: <host>.pfx and _.<domain>.pfx sharing one password, or <key>.crt + <key>.key (empty: none)"),
            new Option("ccs.passwordFile", "", "file holding the CCS folder's PFX password"),
            new Option("ccs.bindPorts", "", "HTTPS ports that get a ccs=PORT binding on start when they have none (what enabling IIS's CCS does)"),
            new Option("ccs.pollInterval", "5s", "how often the CCS folder is scanned for added, replaced or removed files"),
            new Option("proxy.connectTimeout", "5s", "connecting to a web worker; after it, an idempotent request is retried on another worker, else 502"),
            new Option("proxy.responseTimeout", "60s", "waiting for a web worker's response headers before answering 504"),
            new Option("proxy.idleTimeout", "60s", "idle keep-alive client connections are closed after this"),
            new Option("proxy.maxHeaderSize", "16384", "largest request header block accepted from clients (bytes); larger gets 431"),
            new Option("proxy.maxRequestLineLength", "8192", "longest request line (method, URL, version) accepted from clients; longer gets 414"),
            new Option("proxy.poolSizePerWorker", "64", "pooled connections per web worker"),
            new Option("proxy.trustForwardedHeaders", "false", "keep X-Forwarded-* sent by clients (only behind a trusted load balancer)"),
            new Option("proxy.healthCheck.interval", "5s", "active health check period per web worker (0 disables)"),
            new Option("proxy.healthCheck.path", "/", "path requested by the active health check"),
            new Option("proxy.healthCheck.timeout", "2s", "health check timeout"),
            new Option("proxy.ejectAfterFailures", "1", "connect failures after which a worker is ejected until a health check passes"),
            new Option("shutdown.drainTimeout", "20s", "graceful shutdown: time to drain in-flight requests"),
            new Option("metrics.perSiteSites", "", "comma-separated site names that get per-site proxy metrics (bounded opt-in)"),
            new Option("cluster.enabled", "true", "embed a Hazelcast member; false runs a standalone node"),
            new Option("cluster.name", "ccsfront", "Hazelcast cluster name; members with another name are refused"),
            new Option("cluster.port", "5701", "Hazelcast member port"),
            new Option("cluster.bindAddress", "127.0.0.1", "address the member binds and advertises"),
            new Option("cluster.members", "", "static TCP/IP member list, comma-separated HOST[:PORT] (empty: this node alone)"),
            new Option("cluster.kubernetes.serviceDns", "", "headless Service DNS name for Kubernetes discovery (DNS mode)"),
            new Option("cluster.trustedInterfaces", "", "addresses allowed to join, comma-separated (wildcards like 10.0.*.*; empty: the member list)"),
            new Option("cluster.initialMembers", "1", "members to wait for at startup before reconciling state"),
            new Option("cluster.joinTimeout", "30s", "how long to wait for cluster.initialMembers"),
            new Option("demo.enabled", "false", "add demo sites with CCS certificates and in-process demo web workers"));

    /** {@code CCSFRONT_} + the path in upper case with dots as underscores: {@code CCSFRONT_TLS_ENGINE}. */
    public String envName() {
        return "CCSFRONT_" + path.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    public static Option find(String path) {
        for (Option o : ALL) {
            if (o.path.equals(path)) {
                return o;
            }
        }
        return null;
    }
}
