package dev.bootsplice.vm.scenario;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs VMO scenario files (vmo-scenarios.md), as {@code bootsplice vm run FILE...} does: one line
 * {@code PASS FILE (N statements)} or {@code FAIL FILE:LINE: MESSAGE} per file, then
 * {@code N passed, M failed}.
 */
public final class ScenarioRunner {
    /** What a run of several files found, worst first wins: a file that cannot be read or parsed, a failed check. */
    public enum Verdict {
        /** Every file passed. */
        ALL_PASSED,
        /** Every file parsed, and an expectation or a status check failed in some. */
        SOME_FAILED,
        /** Some file could not be read or does not parse. */
        SOME_INVALID
    }

    /** Creates a runner; each file runs on its own fresh {@link dev.bootsplice.vm.Kernel}. */
    public ScenarioRunner() {}

    /**
     * Runs every file in order, each on a fresh model, and prints the results to {@code out}.
     *
     * @return {@link Verdict#SOME_INVALID} when some file could not be read or parsed, else whether all passed
     */
    public Verdict run(List<Path> files, PrintWriter out) {
        int passed = 0;
        int failed = 0;
        boolean unparsable = false;
        for (Path file : files) {
            Outcome o = runFile(file);
            out.println(o.line);
            if (o.passed) {
                passed++;
            } else {
                failed++;
                unparsable |= o.invalidInput;
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? Verdict.ALL_PASSED : unparsable ? Verdict.SOME_INVALID : Verdict.SOME_FAILED;
    }

    private record Outcome(boolean passed, boolean invalidInput, String line) {}

    /** The file system's reason in the model's words, e.g. {@code no such file}; never an exception class name. */
    static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        String fileSystemReason = t instanceof FileSystemException f ? f.getReason() : null;
        return t instanceof NoSuchFileException
                ? "no such file"
                : t instanceof AccessDeniedException
                        ? "permission denied"
                        : t instanceof MalformedInputException
                                ? "not UTF-8 text"
                                : fileSystemReason != null
                                        ? fileSystemReason.toLowerCase(java.util.Locale.ROOT)
                                        : t.getMessage() != null ? t.getMessage() : "input/output error";
    }

    private static Outcome runFile(Path file) {
        String name = file.toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return new Outcome(
                    false, true, "FAIL " + name + ":0: cannot read scenario file " + name + ": " + reason(e));
        }
        List<Statement> statements;
        try {
            statements = ScenarioParser.parse(lines);
        } catch (ScenarioSyntaxException e) {
            return new Outcome(false, true, "FAIL " + name + ":" + e.line + ": syntax error: " + e.getMessage());
        }
        try {
            new ScenarioInterpreter().run(statements);
        } catch (ScenarioInterpreter.Failure f) {
            return new Outcome(false, false, "FAIL " + name + ":" + f.line + ": " + f.getMessage());
        }
        return new Outcome(true, false, "PASS " + name + " (" + statements.size() + " statements)");
    }
}
