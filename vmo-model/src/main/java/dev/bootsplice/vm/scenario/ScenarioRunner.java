package dev.bootsplice.vm.scenario;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs VMO scenario files (vmo-scenarios.md), as {@code bootsplice vm run FILE...} does: one line
 * {@code PASS FILE (N statements)} or {@code FAIL FILE:LINE: MESSAGE} per file, then
 * {@code N passed, M failed}.
 */
public final class ScenarioRunner {
    /** Every file passed. */
    public static final int EXIT_OK = 0;
    /** A file could not be read or parsed. */
    public static final int EXIT_INVALID_INPUT = 3;
    /** An expectation or a status check failed. */
    public static final int EXIT_CHECK_FAILED = 4;

    /** Creates a runner; each file runs on its own fresh {@link dev.bootsplice.vm.Kernel}. */
    public ScenarioRunner() {}

    /**
     * Runs every file in order, each on a fresh model, and prints the results to {@code out}.
     *
     * @return 0 when every file passed, 3 when some file could not be read or parsed, else 4
     */
    public int run(List<Path> files, PrintWriter out) {
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
        return failed == 0 ? EXIT_OK : unparsable ? EXIT_INVALID_INPUT : EXIT_CHECK_FAILED;
    }

    private record Outcome(boolean passed, boolean invalidInput, String line) {}

    private static Outcome runFile(Path file) {
        String name = file.toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return new Outcome(false, true, "FAIL " + name + ":0: cannot read the file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
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
