package io.ccsfront.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The architecture rules of README's Architecture section, checked over the main sources of
 * every module: what each package may import, and no package cycles in any module.
 *
 * <p>A scan of the sources rather than of the bytecode: javac inlines constants, so a class
 * reading another package's {@code static final String} leaves no trace in its class file,
 * while the dependency is as real as any other. A reference is an {@code import} (plain, static
 * or on demand) or a fully-qualified name in code; comments and string literals are ignored.
 */
class ArchitectureTest {

    private static final String NODE = "io.ccsfront.node";
    private static final List<String> MODULES = List.of("ccs-store", "frontend-node", "admin-cli", "loadtest");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;", Pattern.MULTILINE);
    /** A qualified name in code: lower-case package segments, then a type (upper-case initial). */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])((?:io|com|org|java|javax)(?:\\.[a-z_][\\w]*)+)\\.([A-Z]\\w*)");
    private static final Map<String, Module> SOURCES = scan();

    static Stream<Arguments> importRules() {
        return Stream.of(
                Arguments.of("ccs-store imports nothing of frontend-node, Netty, Vert.x or Hazelcast",
                        SOURCES.get("ccs-store").types(), List.of(NODE, "io.netty", "io.vertx", "com.hazelcast")),
                Arguments.of("tls imports neither admin nor proxy nor cluster",
                        in(NODE + ".tls"), List.of(NODE + ".admin", NODE + ".proxy", NODE + ".cluster")),
                Arguments.of("proxy imports neither cluster nor admin nor tls",
                        in(NODE + ".proxy"), List.of(NODE + ".cluster", NODE + ".admin", NODE + ".tls")),
                Arguments.of("admin does not import FrontendNode",
                        in(NODE + ".admin"), List.of(NODE + ".FrontendNode")),
                Arguments.of("admin-cli imports nothing of frontend-node",
                        SOURCES.get("admin-cli").types(), List.of(NODE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("importRules")
    void packageImportsOnlyWhatItMay(String rule, List<SourceType> sources, List<String> forbidden) {
        assertThat(sources).as("sources the rule covers").isNotEmpty();
        List<String> violations = new ArrayList<>();
        for (SourceType t : sources) {
            for (Reference r : t.references()) {
                if (forbidden.stream().anyMatch(f -> within(r.type(), f))) {
                    violations.add(t.file() + ":" + r.line() + " -> " + r.type());
                }
            }
        }
        assertThat(violations).as(rule).isEmpty();
    }

    @Test
    void selectionReachesNoneOfClusterProxyAdminTls() {
        Map<String, Set<String>> graph = new HashMap<>();
        SOURCES.values().forEach(m -> m.edges().forEach((from, to) -> graph.computeIfAbsent(from, k -> new TreeSet<>()).addAll(to)));
        Set<String> reached = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of("io.ccsfront.selection"));
        while (!todo.isEmpty()) {
            for (String next : graph.getOrDefault(todo.pop(), Set.of())) {
                if (reached.add(next)) {
                    todo.push(next);
                }
            }
        }
        assertThat(reached).as("packages io.ccsfront.selection reaches").isNotEmpty()
                .noneMatch(p -> Stream.of("cluster", "proxy", "admin", "tls").anyMatch(x -> within(p, NODE + "." + x)));
    }

    @ParameterizedTest(name = "{0} has no package cycles")
    @ValueSource(strings = {"ccs-store", "frontend-node", "admin-cli", "loadtest"})
    void moduleHasNoPackageCycles(String module) {
        Module m = SOURCES.get(module);
        assertThat(m.edges()).as("packages of " + module).isNotEmpty();
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : Tarjan.components(m.edges())) {
            if (component.size() > 1) {
                cycles.add(component + " via " + witnesses(m, component));
            }
        }
        assertThat(cycles).as("package cycles in " + module).isEmpty();
    }

    /** For a cycle, each edge inside it once: package -> package (the first reference making it, file:line). */
    private static List<String> witnesses(Module m, Set<String> component) {
        Map<String, String> edges = new TreeMap<>();
        for (SourceType t : m.types()) {
            for (Reference r : t.references()) {
                String to = packageOf(r.type());
                if (component.contains(t.pkg()) && component.contains(to) && !to.equals(t.pkg())) {
                    edges.putIfAbsent(t.pkg() + " -> " + to, t.file().getFileName() + ":" + r.line() + " " + r.type());
                }
            }
        }
        List<String> out = new ArrayList<>();
        edges.forEach((edge, example) -> out.add(edge + " (" + example + ")"));
        return out;
    }

    private static List<SourceType> in(String pkg) {
        return SOURCES.values().stream().flatMap(m -> m.types().stream()).filter(t -> t.pkg().equals(pkg)).toList();
    }

    private static boolean within(String name, String prefix) {
        return name.equals(prefix) || name.startsWith(prefix + ".");
    }

    // ---- the scan ----

    record Reference(String type, int line) {
    }

    record SourceType(Path file, String pkg, List<Reference> references) {
    }

    record Module(String name, List<SourceType> types) {
        /** Package → the packages of this module it references. */
        Map<String, Set<String>> edges() {
            Set<String> own = new TreeSet<>();
            types.forEach(t -> own.add(t.pkg()));
            Map<String, Set<String>> out = new TreeMap<>();
            for (SourceType t : types) {
                Set<String> to = out.computeIfAbsent(t.pkg(), k -> new TreeSet<>());
                for (Reference r : t.references()) {
                    String p = packageOf(r.type());
                    if (own.contains(p) && !p.equals(t.pkg())) {
                        to.add(p);
                    }
                }
            }
            return out;
        }
    }

    private static Map<String, Module> scan() {
        Path root = repositoryRoot();
        Map<String, Module> out = new TreeMap<>();
        for (String module : MODULES) {
            Path src = root.resolve(module).resolve("src/main/java");
            List<SourceType> types = new ArrayList<>();
            try (Stream<Path> files = Files.walk(src)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> types.add(read(root, f)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + src + ": " + e.getMessage(), e);
            }
            out.put(module, new Module(module, List.copyOf(types)));
        }
        return out;
    }

    private static SourceType read(Path root, Path file) {
        String text;
        try {
            text = code(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Matcher pm = PACKAGE.matcher(text);
        String pkg = pm.find() ? pm.group(1) : "";
        List<Reference> refs = new ArrayList<>();
        Set<Integer> importSpans = new LinkedHashSet<>();
        Matcher im = IMPORT.matcher(text);
        while (im.find()) {
            String name = im.group(2);
            boolean onDemand = im.group(3) != null;
            boolean isStatic = im.group(1) != null;
            // a static import names a member (or, on demand, a type); an on-demand import names a package or a type
            String type = isStatic && !onDemand ? name.substring(0, name.lastIndexOf('.')) : name;
            refs.add(new Reference(onDemand && !hasType(type) ? type + ".*" : type, line(text, im.start())));
            for (int i = im.start(); i < im.end(); i++) {
                importSpans.add(i);
            }
        }
        Matcher qm = QUALIFIED.matcher(text);
        while (qm.find()) {
            if (!importSpans.contains(qm.start()) && !qm.group(1).equals(pkg)) {
                refs.add(new Reference(qm.group(1) + "." + qm.group(2), line(text, qm.start())));
            }
        }
        return new SourceType(root.relativize(file), pkg, List.copyOf(refs));
    }

    private static boolean hasType(String name) {
        for (String s : name.split("\\.")) {
            if (!s.isEmpty() && Character.isUpperCase(s.charAt(0))) {
                return true;
            }
        }
        return false;
    }

    /** The package of a referenced name: the segments before the first upper-case one. */
    static String packageOf(String name) {
        if (name.endsWith(".*")) {
            return name.substring(0, name.length() - 2);
        }
        StringBuilder sb = new StringBuilder();
        for (String s : name.split("\\.")) {
            if (!s.isEmpty() && Character.isUpperCase(s.charAt(0))) {
                break;
            }
            sb.append(sb.length() == 0 ? "" : ".").append(s);
        }
        return sb.toString();
    }

    private static int line(String text, int offset) {
        int n = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The source with comments, string, text-block and char literals blanked out (line breaks kept). */
    static String code(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            String end = null;
            if (s.startsWith("//", i)) {
                end = "\n";
            } else if (s.startsWith("/*", i)) {
                end = "*/";
            } else if (s.startsWith("\"\"\"", i)) {
                end = "\"\"\"";
            } else if (c == '"' || c == '\'') {
                end = String.valueOf(c);
            }
            if (end == null) {
                out.append(c);
                i++;
                continue;
            }
            int from = i;
            i += end.equals("\n") ? 2 : end.equals("*/") ? 2 : end.length();
            while (i < s.length() && !s.startsWith(end, i)) {
                i += s.charAt(i) == '\\' && !end.equals("\n") && !end.equals("*/") ? 2 : 1;
            }
            i = Math.min(s.length(), i + (end.equals("\n") ? 0 : end.length()));
            for (int k = from; k < i; k++) {
                out.append(s.charAt(k) == '\n' ? '\n' : ' ');
            }
        }
        return out.toString();
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("ccs-store/src/main/java")) && Files.isDirectory(p.resolve("frontend-node/src/main/java"))) {
                return p;
            }
        }
        throw new IllegalStateException("no ccs-store/ and frontend-node/ sources above " + Path.of("").toAbsolutePath());
    }

    /** Strongly connected components of a directed graph (Tarjan). */
    static final class Tarjan {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new LinkedHashSet<>();
        private final List<Set<String>> out = new ArrayList<>();

        private Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        static List<Set<String>> components(Map<String, Set<String>> graph) {
            Tarjan t = new Tarjan(graph);
            for (String v : graph.keySet()) {
                if (!t.index.containsKey(v)) {
                    t.visit(v);
                }
            }
            return t.out;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : graph.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> c = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    c.add(w);
                } while (!w.equals(v));
                out.add(c);
            }
        }
    }
}
