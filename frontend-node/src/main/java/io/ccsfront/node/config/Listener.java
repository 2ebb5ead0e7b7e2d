package io.ccsfront.node.config;

import io.ccsfront.binding.IpAddresses;
import io.ccsfront.binding.Ports;

/** A listener address: {@code 0.0.0.0:8443}, {@code [::]:8443}, {@code 127.0.0.1:8080}. */
public record Listener(String host, int port) {

    public static Listener parse(String text, String option) {
        String s = text.strip();
        int colon = s.lastIndexOf(':');
        if (colon <= 0) {
            throw new NodeConfig.ConfigError(option + " entries must be HOST:PORT: " + text);
        }
        String host = s.substring(0, colon);
        try {
            IpAddresses.parse(host, option);
            int port = Ports.parse(s.substring(colon + 1), option);
            return new Listener(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port);
        } catch (IllegalArgumentException e) {
            throw new NodeConfig.ConfigError(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
