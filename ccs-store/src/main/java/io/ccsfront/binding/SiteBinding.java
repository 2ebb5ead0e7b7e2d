package io.ccsfront.binding;

import io.ccsfront.name.HostNames;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;

/**
 * An IIS site binding: {@code protocol} + {@code bindingInformation}
 * ({@code <ip or *>:<port>:<host header>}) + {@code sslFlags}.
 *
 * <p>{@code address} is null for {@code *} (all unassigned); {@code host} is the normalised
 * host header or the empty string. {@code sslFlags}: bit value 1 = SNI, bit value 2 = CCS.
 */
public record SiteBinding(Protocol protocol, InetAddress address, int port, String host, int sslFlags) {

    public static final int SSL_SNI = 1;
    public static final int SSL_CCS = 2;

    public enum Protocol {
        HTTP, HTTPS;

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Protocol parse(String s) {
            String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "http" -> HTTP;
                case "https" -> HTTPS;
                default -> throw new IllegalArgumentException("protocol must be http or https: " + s);
            };
        }
    }

    public SiteBinding {
        Objects.requireNonNull(protocol, "protocol");
        address = address == null ? null : IpAddresses.unmap(address);
        Ports.check(port, "bindingInformation");
        if (host == null || host.isEmpty()) {
            host = "";
        } else {
            if (host.indexOf('*') >= 0) {
                throw new IllegalArgumentException("bindingInformation host header must be an exact hostname: " + host);
            }
            host = HostNames.require(host, "bindingInformation host header");
        }
        if (sslFlags < 0 || sslFlags > 3) {
            throw new IllegalArgumentException("sslFlags must be 0-3 (1 = SNI, 2 = CCS): " + sslFlags);
        }
        if (protocol == Protocol.HTTP && sslFlags != 0) {
            throw new IllegalArgumentException("sslFlags apply to https bindings only: " + sslFlags);
        }
        if ((sslFlags & SSL_SNI) != 0 && host.isEmpty()) {
            throw new IllegalArgumentException("an SNI binding (sslFlags 1) needs a host header: " + bindingInformation(address, port, host));
        }
    }

    /** Parses {@code <ip or *>:<port>:<host>}. */
    public static SiteBinding parse(Protocol protocol, String bindingInformation, int sslFlags) {
        String s = Objects.requireNonNull(bindingInformation, "bindingInformation").strip();
        String addressPart;
        String rest;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("bindingInformation must be <ip or *>:<port>:<host>: " + bindingInformation);
            }
            addressPart = s.substring(0, close + 1);
            rest = s.substring(close + 2);
        } else {
            int c = s.indexOf(':');
            if (c < 0) {
                throw new IllegalArgumentException("bindingInformation must be <ip or *>:<port>:<host>: " + bindingInformation);
            }
            addressPart = s.substring(0, c);
            rest = s.substring(c + 1);
        }
        int c2 = rest.indexOf(':');
        if (c2 < 0) {
            throw new IllegalArgumentException("bindingInformation must be <ip or *>:<port>:<host>: " + bindingInformation);
        }
        InetAddress address = addressPart.equals("*") || addressPart.isEmpty() ? null
                : IpAddresses.parse(addressPart, "bindingInformation address");
        int port = Ports.parse(rest.substring(0, c2), "bindingInformation");
        return new SiteBinding(protocol, address, port, rest.substring(c2 + 1), sslFlags);
    }

    public boolean isHttps() {
        return protocol == Protocol.HTTPS;
    }

    public boolean sni() {
        return (sslFlags & SSL_SNI) != 0;
    }

    public boolean ccs() {
        return (sslFlags & SSL_CCS) != 0;
    }

    /** {@code *:443:www.contoso.com}. */
    public String bindingInformation() {
        return bindingInformation(address, port, host);
    }

    static String bindingInformation(InetAddress address, int port, String host) {
        return (address == null ? "*" : IpAddresses.format(address)) + ":" + port + ":" + host;
    }

    @Override
    public String toString() {
        return protocol.text() + "/" + bindingInformation() + (sslFlags != 0 ? " sslFlags=" + sslFlags : "");
    }
}
