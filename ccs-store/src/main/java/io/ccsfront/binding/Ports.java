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

    /** A port typed by a person: a whole number 1-65535; anything else is refused naming the value. */
    public static int parse(String text, String field) {
        String s = text == null ? "" : text.strip();
        String digits = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(field + " port is not a number: " + (s.isEmpty() ? "(empty)" : text));
        }
        if (s.startsWith("-") || digits.length() > 5) {
            throw new IllegalArgumentException(field + " port out of range 1-65535: " + text);
        }
        return check(Integer.parseInt(digits), field);
    }
}
