package io.ccsfront.binding;

/** Port validation shared by every binding form. */
public final class Ports {

    private Ports() {
    }

    public static int check(int port, String field) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(field + " port out of range 1-65535: " + port);
        }
        return port;
    }

    public static int parse(String text, String field) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(field + " port out of range 1-65535: " + text);
        }
        return check(Integer.parseInt(s), field);
    }
}
