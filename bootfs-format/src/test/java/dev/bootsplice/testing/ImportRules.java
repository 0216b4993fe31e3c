package dev.bootsplice.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which packages a module's main sources must not use, checked by reading the sources: every
 * {@code import} and every fully qualified name in code (comments and string literals do not count).
 * Each module's {@code ImportRulesTest} holds its table of {@link Rule}s; shared through this
 * module's test jar so that the scan is written once.
 */
public final class ImportRules {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern NOT_CODE = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'", Pattern.DOTALL);

    /**
     * Classes in {@code from} must not use {@code forbidden} or any package below it. {@code from} is
     * one package ({@code dev.bootsplice.vm}) or, ending in {@code .**}, a package and all below it.
     */
    public record Rule(String from, String forbidden, String why) {
        boolean governs(String pkg) {
            return from.endsWith(".**") ? pkg.equals(base()) || pkg.startsWith(base() + ".") : pkg.equals(from);
        }

        private String base() {
            return from.substring(0, from.length() - 3);
        }
    }

    private ImportRules() {}

    /** The rules every library module keeps: no CLI (its package, picocli) and no build tool (the plugin, Maven). */
    public static List<Rule> library(String from) {
        return List.of(
                new Rule(from, "dev.bootsplice.cli", "a library speaks no CLI"),
                new Rule(from, "picocli", "a library speaks no CLI"),
                new Rule(from, "dev.bootsplice.maven", "a library knows no build tool"),
                new Rule(from, "org.apache.maven", "a library knows no build tool"));
    }

    /** {@code first} followed by {@code more}, for a module's table. */
    public static List<Rule> table(List<Rule> first, Rule... more) {
        List<Rule> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    /** The main sources of the module whose tests run in the working directory (Surefire's basedir). */
    public static Path mainSources() {
        return Path.of("src", "main", "java");
    }

    /**
     * Every use that breaks a rule, as {@code File.java:LINE uses NAME (WHY)}, plus a line for every
     * rule whose {@code from} governs no source file (a rule left behind by a rename checks nothing).
     */
    public static List<String> violations(Path sources, List<Rule> rules) {
        List<String> found = new ArrayList<>();
        boolean[] used = new boolean[rules.size()];
        for (Path file : javaFiles(sources)) {
            String text = read(file);
            Matcher p = PACKAGE.matcher(text);
            String pkg = p.find() ? p.group(1) : "";
            String code = blankNonCode(text);
            for (int i = 0; i < rules.size(); i++) {
                Rule r = rules.get(i);
                if (r.governs(pkg)) {
                    used[i] = true;
                    uses(code, r.forbidden())
                            .forEach(at -> found.add(sources.relativize(file) + ":" + line(code, at) + " uses "
                                    + r.forbidden() + " (" + r.why() + ")"));
                }
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            if (!used[i]) {
                found.add(
                        "rule " + rules.get(i).from() + " -> " + rules.get(i).forbidden() + " governs no source file");
            }
        }
        return found;
    }

    /** Offsets in {@code code} where {@code forbidden} (or a package below it) is named. */
    private static List<Integer> uses(String code, String forbidden) {
        Matcher m = Pattern.compile("(?<![\\w.])" + Pattern.quote(forbidden) + "(?=\\s*[.;*])")
                .matcher(code);
        List<Integer> at = new ArrayList<>();
        while (m.find()) {
            at.add(m.start());
        }
        return at;
    }

    /** The text with comments and literals replaced by spaces, newlines kept, so offsets and lines stay. */
    private static String blankNonCode(String text) {
        Matcher m = NOT_CODE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            m.group().chars().forEach(c -> out.append(c == '\n' ? '\n' : ' '));
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }

    private static long line(String code, int offset) {
        return code.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static List<Path> javaFiles(Path sources) {
        try (Stream<Path> s = Files.walk(sources)) {
            return s.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sources, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
