package dev.bootsplice.cli;

import dev.bootsplice.report.Check;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * The conventions of the CI a command runs in, read from its environment: GitHub Actions' step
 * summary file ({@code GITHUB_STEP_SUMMARY}, appended to) and error annotations
 * ({@code ::error title=...::...} lines when {@code GITHUB_ACTIONS=true}).
 */
final class CiEnvironment {
    /** The environment of an in-process run ({@link Main#run(String[], PrintWriter, PrintWriter, Map)}); null: the process's. */
    private static final ThreadLocal<Map<String, String>> OVERRIDE = new ThreadLocal<>();

    private CiEnvironment() {}

    /** Runs {@code body} with {@code env} as the environment (null: the process's). */
    static int with(Map<String, String> env, java.util.function.IntSupplier body) {
        Map<String, String> before = OVERRIDE.get();
        OVERRIDE.set(env);
        try {
            return body.getAsInt();
        } finally {
            OVERRIDE.set(before);
        }
    }

    /** The variable {@code name}, or null. */
    static String get(String name) {
        Map<String, String> env = OVERRIDE.get();
        return env != null ? env.get(name) : System.getenv(name);
    }

    /**
     * Appends the Markdown {@code markdown} makes (only called when needed) and a blank line to the file
     * {@code GITHUB_STEP_SUMMARY} names, if set.
     *
     * @throws CommandFailure (exit 3) naming the file when it cannot be written
     */
    static void appendStepSummary(java.util.function.Supplier<String> markdown) {
        String file = get("GITHUB_STEP_SUMMARY");
        if (file == null || file.isBlank()) {
            return;
        }
        Path path = Path.of(file);
        String text = markdown.get();
        try {
            Files.writeString(
                    path,
                    text.endsWith("\n") ? text + "\n" : text + "\n\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new CommandFailure(
                    ExitCodes.INVALID_INPUT, "GITHUB_STEP_SUMMARY: " + IoMessages.describe(path, e), e);
        }
    }

    /**
     * Prints one {@code bootsplice: check failed: ...} line per failed check on {@code err}, and under
     * GitHub Actions one {@code ::error} annotation per failed check too.
     */
    static void reportFailures(List<Check> checks, PrintWriter err) {
        boolean github = "true".equals(get("GITHUB_ACTIONS"));
        for (Check c : checks) {
            if (c.failed()) {
                err.println("bootsplice: check failed: " + c.message());
                if (github) {
                    err.println(annotation(c));
                }
            }
        }
    }

    /** {@code ::error title=TITLE::MESSAGE}, escaped as GitHub's workflow commands require. */
    static String annotation(Check c) {
        return "::error title=" + property(c.title() + ": " + c.name()) + "::" + data(c.message());
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
