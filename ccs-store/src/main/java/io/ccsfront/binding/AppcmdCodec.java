package io.ccsfront.binding;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The appcmd forms of a site binding.
 *
 * <ul>
 *   <li>long: {@code /+bindings.[protocol='https',bindingInformation='*:443:www.contoso.com',sslFlags='1']}
 *       (the leading {@code /+bindings.} is optional);</li>
 *   <li>short: {@code https/*:443:www.contoso.com} (appcmd's {@code /bindings:} form), where
 *       sslFlags come separately.</li>
 * </ul>
 */
public final class AppcmdCodec {

    private AppcmdCodec() {
    }

    /** Parses either form; {@code defaultSslFlags} applies when the text carries none. */
    public static SiteBinding parse(String text, int defaultSslFlags) {
        String s = text == null ? "" : text.strip();
        if (s.startsWith("/+bindings.")) {
            s = s.substring("/+bindings.".length());
        } else if (s.startsWith("/-bindings.")) {
            s = s.substring("/-bindings.".length());
        }
        if (s.startsWith("[") && s.endsWith("]")) {
            return parseLong(s.substring(1, s.length() - 1), defaultSslFlags, text);
        }
        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("binding must be protocol/<ip or *>:<port>:<host> or "
                    + "[protocol='…',bindingInformation='…',sslFlags='…']: " + text);
        }
        return SiteBinding.parse(SiteBinding.Protocol.parse(s.substring(0, slash)), s.substring(slash + 1), defaultSslFlags);
    }

    /** {@code /+bindings.[protocol='https',bindingInformation='*:443:www.contoso.com',sslFlags='1']}. */
    public static String toLongForm(SiteBinding b) {
        return "/+bindings.[protocol='" + b.protocol().text() + "',bindingInformation='" + b.bindingInformation()
                + "',sslFlags='" + b.sslFlags() + "']";
    }

    /** {@code https/*:443:www.contoso.com}. */
    public static String toShortForm(SiteBinding b) {
        return b.protocol().text() + "/" + b.bindingInformation();
    }

    private static SiteBinding parseLong(String body, int defaultSslFlags, String text) {
        Map<String, String> kv = new LinkedHashMap<>();
        int i = 0;
        while (i < body.length()) {
            int eq = body.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("binding attribute without value: " + text);
            }
            String key = body.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            int q1 = eq + 1;
            if (q1 >= body.length() || body.charAt(q1) != '\'') {
                throw new IllegalArgumentException("binding attribute " + key + " must be quoted with ': " + text);
            }
            int q2 = body.indexOf('\'', q1 + 1);
            if (q2 < 0) {
                throw new IllegalArgumentException("unterminated quote in binding: " + text);
            }
            kv.put(key, body.substring(q1 + 1, q2));
            i = q2 + 1;
            if (i < body.length() && body.charAt(i) == ',') {
                i++;
            }
        }
        for (String k : kv.keySet()) {
            if (!k.equals("protocol") && !k.equals("bindinginformation") && !k.equals("sslflags")) {
                throw new IllegalArgumentException("unknown binding attribute " + k + " (known: protocol, bindingInformation, sslFlags): " + text);
            }
        }
        if (!kv.containsKey("protocol") || !kv.containsKey("bindinginformation")) {
            throw new IllegalArgumentException("binding needs protocol and bindingInformation: " + text);
        }
        int flags = defaultSslFlags;
        if (kv.containsKey("sslflags")) {
            String f = kv.get("sslflags").strip();
            if (f.isEmpty() || f.length() > 2 || !f.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("sslFlags must be 0-3 (1 = SNI, 2 = CCS): " + kv.get("sslflags"));
            }
            flags = Integer.parseInt(f);
        }
        return SiteBinding.parse(SiteBinding.Protocol.parse(kv.get("protocol")), kv.get("bindinginformation"), flags);
    }
}
