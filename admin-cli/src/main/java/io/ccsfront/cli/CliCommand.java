package io.ccsfront.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Base of every verb: the root's client and options, the output, input validation as usage errors. */
public abstract class CliCommand implements Callable<Integer> {

    @CommandLine.Spec
    protected CommandSpec spec;

    protected Connection root() {
        return (Connection) spec.root().userObject();
    }

    public AdminClient client() {
        return root().client();
    }

    public boolean json() {
        return root().json();
    }

    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints {@code node} as indented JSON. */
    public void printJson(JsonNode node) {
        try {
            out().println(AdminClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Applies a domain parser to a command-line value; its failure (naming the value) is a usage error. */
    public static <T> T parse(String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    /** A text field of a JSON answer, or "" when absent or null. */
    public static String text(JsonNode n, String field) {
        return n == null || !n.hasNonNull(field) ? "" : n.get(field).asText();
    }

    /** The elements of a JSON array joined with ", ". */
    public static String joined(JsonNode array) {
        if (array == null || !array.isArray()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        array.forEach(x -> sb.append(sb.length() == 0 ? "" : ", ").append(x.isTextual() ? x.asText() : x.toString()));
        return sb.toString();
    }
}
