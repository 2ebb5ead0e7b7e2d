package io.ccsfront.loadtest;

import io.ccsfront.binding.IpAddresses;
import io.ccsfront.selection.Level;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

/**
 * The handshakes a benchmark replays, one mix at a time: (local address, SNI) pairs drawn with a
 * fixed seed from the names {@link SelectionTables} created, so that each mix lands on the
 * levels it is named after ({@link Mix#levels}; the benchmark checks this before measuring).
 */
final class Requests {

    /** One handshake's inputs. {@code sni} is null when the client sent none. */
    record Request(InetAddress local, String sni) {
    }

    /** The SNI mixes, by the name given as the benchmark's {@code mix} parameter. */
    enum Mix {
        /** SNI is an exact CCS key; client on a shared IPv4 address. */
        CCS_EXACT("ccs-exact", EnumSet.of(Level.CCS)),
        /** SNI is one label under a {@code _.} CCS key (exact lookup misses, wildcard key hits). */
        CCS_WILDCARD("ccs-wildcard", EnumSet.of(Level.CCS)),
        /** SNI has a hostnameport binding. */
        SNI_BINDING("sni-binding", EnumSet.of(Level.HOSTNAME_PORT)),
        /** SNI nobody configured: both CCS lookups miss and the IPv4 wildcard serves it. */
        MISS_TO_WILDCARD("miss-to-wildcard", EnumSet.of(Level.IPV4_WILDCARD)),
        /** No SNI (old clients, health checks): the IPv4 wildcard. */
        NO_SNI("no-sni", EnumSet.of(Level.IPV4_WILDCARD)),
        /** IPv6 clients: half CCS exact hits, half misses falling to the IPv6 wildcard. */
        IPV6("ipv6", EnumSet.of(Level.CCS, Level.IPV6_WILDCARD)),
        /** Clients of the 100 dedicated addresses: exact IP:Port, whatever the SNI. */
        IP_PORT("ip-port", EnumSet.of(Level.IP_PORT));

        final String text;
        final Set<Level> levels;

        Mix(String text, Set<Level> levels) {
            this.text = text;
            this.levels = levels;
        }

        static Mix parse(String text) {
            for (Mix m : values()) {
                if (m.text.equals(text)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown mix: " + text);
        }
    }

    private Requests() {
    }

    /** {@code n} requests of {@code mix} over tables of the given sizes. */
    static Request[] generate(Mix mix, int n, int ccsHostnames, int sniBindings, int ipBindings, long seed) {
        Random r = new Random(seed);
        Request[] out = new Request[n];
        for (int k = 0; k < n; k++) {
            InetAddress shared = IpAddresses.parse("192.0.2." + (1 + r.nextInt(254)), "local");
            out[k] = switch (mix) {
                case CCS_EXACT -> new Request(shared, SelectionTables.ccsKey(exactEntry(r, ccsHostnames)));
                case CCS_WILDCARD -> new Request(shared, "shop" + r.nextInt(1000) + "." + wildcardDomain(r, ccsHostnames));
                case SNI_BINDING -> new Request(shared, SelectionTables.sniHost(r.nextInt(sniBindings)));
                case MISS_TO_WILDCARD -> new Request(shared, "miss" + r.nextInt(1_000_000) + ".nowhere" + r.nextInt(1000) + ".example");
                case NO_SNI -> new Request(shared, null);
                case IPV6 -> new Request(IpAddresses.parse("2001:db8::" + Integer.toHexString(1 + r.nextInt(0xfffe)), "local"),
                        r.nextBoolean() ? SelectionTables.ccsKey(exactEntry(r, ccsHostnames))
                                : "miss" + r.nextInt(1_000_000) + ".nowhere.example");
                case IP_PORT -> new Request(SelectionTables.ipAddress(r.nextInt(ipBindings)),
                        SelectionTables.ccsKey(exactEntry(r, ccsHostnames)));
            };
        }
        return out;
    }

    private static int exactEntry(Random r, int ccsHostnames) {
        int i;
        do {
            i = r.nextInt(ccsHostnames);
        } while (SelectionTables.isWildcardEntry(i));
        return i;
    }

    /** {@code w<i>.tenants.example} for a random wildcard entry i. */
    private static String wildcardDomain(Random r, int ccsHostnames) {
        int slots = ccsHostnames / SelectionTables.WILDCARD_EVERY;
        if (slots == 0) {
            throw new IllegalArgumentException("too few CCS hostnames for wildcard entries: " + ccsHostnames);
        }
        int i = r.nextInt(slots) * SelectionTables.WILDCARD_EVERY + SelectionTables.WILDCARD_EVERY - 1;
        return SelectionTables.ccsKey(i).substring(2);
    }
}
