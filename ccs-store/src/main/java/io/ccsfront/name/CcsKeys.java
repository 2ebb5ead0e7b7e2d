package io.ccsfront.name;

/**
 * Keys of the Central Certificate Store. {@code www.contoso.com} serves exactly that name;
 * {@code _.contoso.com} is the entry for {@code *.contoso.com} (IIS names wildcard files this
 * way since {@code *} cannot appear in a file name). Input accepts both {@code *.} and
 * {@code _.}; the key is always written with {@code _.}.
 */
public final class CcsKeys {

    public static final String WILDCARD_PREFIX = "_.";

    private CcsKeys() {
    }

    /** Normalises a CCS key; throws naming the value when it is not a hostname or a one-label wildcard. */
    public static String normalize(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("CCS hostname is required");
        }
        String s = text.strip();
        if (s.startsWith("*.") || s.startsWith("_.")) {
            String parent = HostNames.normalize(s.substring(2));
            if (parent == null || parent.indexOf('.') < 0) {
                throw new IllegalArgumentException(
                        "CCS wildcard key must be *.<domain> with a domain of two or more labels: " + text);
            }
            return WILDCARD_PREFIX + parent;
        }
        if (s.indexOf('*') >= 0) {
            throw new IllegalArgumentException("CCS wildcard must be the whole left-most label (*.contoso.com): " + text);
        }
        return HostNames.require(s, "CCS hostname");
    }

    public static boolean isWildcard(String key) {
        return key.startsWith(WILDCARD_PREFIX);
    }

    /** The wildcard key that covers a normalised host ({@code _.b.c} for {@code a.b.c}), or null. */
    public static String wildcardFor(String host) {
        String parent = HostNames.parent(host);
        return parent == null || parent.indexOf('.') < 0 ? null : WILDCARD_PREFIX + parent;
    }

    /** The name a key stands for, as a certificate would state it: {@code *.contoso.com} for {@code _.contoso.com}. */
    public static String displayName(String key) {
        return isWildcard(key) ? "*." + key.substring(2) : key;
    }
}
