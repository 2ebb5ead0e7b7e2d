package io.ccsfront.binding;

import java.util.Locale;
import java.util.UUID;

/** {@code appid={GUID}} validation: braces optional on input, printed with braces in lower case. */
public final class AppIds {

    private AppIds() {
    }

    public static String normalize(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        String inner = s.startsWith("{") && s.endsWith("}") ? s.substring(1, s.length() - 1) : s;
        if (inner.length() != 36) {
            throw new IllegalArgumentException("appid must be a GUID like {4dc3e181-e14b-4a21-b022-59fc669b0914}: " + text);
        }
        try {
            UUID.fromString(inner);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("appid must be a GUID like {4dc3e181-e14b-4a21-b022-59fc669b0914}: " + text);
        }
        return "{" + inner.toLowerCase(Locale.ROOT) + "}";
    }
}
