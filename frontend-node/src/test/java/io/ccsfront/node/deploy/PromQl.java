package io.ccsfront.node.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL handling to query what the dashboard and the alert rules query: their
 * expressions, Grafana variables substituted, and the operands of an alert's threshold
 * comparison (an alert's own expression is rightly empty while nothing is wrong; the series it
 * compares must not be).
 */
final class PromQl {

    private static final Pattern MODIFIERS = Pattern.compile(
            "^\\s*(bool\\b)?\\s*((on|ignoring)\\s*\\([^)]*\\))?\\s*((group_left|group_right)\\b\\s*(\\([^)]*\\))?)?");
    private static final Pattern LITERAL = Pattern.compile("[0-9.eE+\\-*/%^()\\s]+");

    private PromQl() {
    }

    /**
     * The operands of {@code expr}'s top-level comparisons ({@code == != > < >= <=}), with the
     * {@code bool}/{@code on}/{@code group_*} modifiers of each comparison removed; {@code [expr]}
     * when it compares nothing at the top level.
     */
    static List<String> comparisonOperands(String expr) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        char quote = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '"', '\'', '`' -> quote = c;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth--;
                case '=', '!', '>', '<' -> {
                    if (depth > 0) {
                        break;
                    }
                    int len = comparisonAt(expr, i);
                    if (len > 0) {
                        out.add(expr.substring(start, i));
                        i += len - 1;
                        start = i + 1;
                    }
                }
                default -> { }
            }
        }
        out.add(expr.substring(start));
        List<String> cleaned = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            String s = out.get(k);
            if (k > 0) {
                Matcher m = MODIFIERS.matcher(s);
                if (m.find()) {
                    s = s.substring(m.end());
                }
            }
            cleaned.add(s.strip());
        }
        return cleaned;
    }

    private static int comparisonAt(String s, int i) {
        String two = i + 2 <= s.length() ? s.substring(i, i + 2) : "";
        if (two.equals("==") || two.equals("!=") || two.equals(">=") || two.equals("<=")) {
            return 2;
        }
        char c = s.charAt(i);
        return c == '>' || c == '<' ? 1 : 0;
    }

    /** A number, or arithmetic on numbers only ({@code 14 * 86400}). */
    static boolean isLiteral(String operand) {
        return LITERAL.matcher(operand).matches();
    }

    /** Replaces Grafana's {@code ${name}} and {@code $name} (longest names first). */
    static String substitute(String expr, Map<String, String> variables) {
        String out = expr;
        List<String> names = new ArrayList<>(variables.keySet());
        names.sort(Comparator.comparingInt(String::length).reversed());
        for (String n : names) {
            out = out.replace("${" + n + "}", variables.get(n)).replace("$" + n, variables.get(n));
        }
        return out;
    }

    /** Every target expression of a Grafana dashboard (rows' nested panels included), keyed "panel title / refId". */
    static Map<String, String> dashboardExpressions(JsonNode dashboard) {
        Map<String, String> out = new LinkedHashMap<>();
        collect(dashboard.path("panels"), out);
        return out;
    }

    private static void collect(JsonNode panels, Map<String, String> out) {
        for (JsonNode p : panels) {
            for (JsonNode t : p.path("targets")) {
                if (t.hasNonNull("expr")) {
                    out.put(p.path("title").asText() + " / " + t.path("refId").asText(), t.path("expr").asText());
                }
            }
            collect(p.path("panels"), out);
        }
    }

    /** Every alerting and recording rule's expression of a rules file, keyed by the rule's name. */
    static Map<String, String> ruleExpressions(JsonNode rules) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode g : rules.path("groups")) {
            for (JsonNode r : g.path("rules")) {
                String name = r.has("alert") ? r.path("alert").asText() : r.path("record").asText();
                out.put(name, r.path("expr").asText());
            }
        }
        return out;
    }
}
