package io.ccsfront.node.proxy;

import io.ccsfront.binding.IpAddresses;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.SocketAddressImpl;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * The IP address behind a Vert.x {@link SocketAddress}, IPv4-mapped IPv6 counted as IPv4
 * (SPEC.md §2). Vert.x keeps the {@link InetAddress} it was built from; reading it back costs
 * nothing, where {@code hostAddress()} would format and the caller re-parse a string per request.
 */
final class Addresses {

    private Addresses() {
    }

    /** The connection's IP address, or null for a domain socket. */
    static InetAddress ip(SocketAddress address) {
        if (address == null || !address.isInetSocket()) {
            return null;
        }
        InetAddress ip = address instanceof SocketAddressImpl ? ((SocketAddressImpl) address).ipAddress() : null;
        if (ip == null) {
            String text = address.hostAddress();
            if (text == null) {
                return null;
            }
            ip = IpAddresses.parse(text, "socket address");
        }
        return IpAddresses.unmap(ip);
    }

    /** The address as X-Forwarded-For carries it: {@code 192.0.2.7} or {@code 2001:db8::7}. */
    static String text(SocketAddress address) {
        InetAddress ip = ip(address);
        if (ip == null) {
            return "unknown";
        }
        if (ip instanceof Inet6Address) {
            String f = IpAddresses.format(ip);
            return f.substring(1, f.length() - 1);
        }
        return ip.getHostAddress();
    }
}
