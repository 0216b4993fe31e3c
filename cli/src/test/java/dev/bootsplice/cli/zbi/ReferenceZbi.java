package dev.bootsplice.cli.zbi;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the reference {@code zbi} tool ({@code ../shared/tools/zbi}) and {@code bootsplice zbi} on one command line. */
final class ReferenceZbi {
    /** The exit status and both output streams of one run. */
    record Run(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private ReferenceZbi() {}

    /** Returns the reference tool, or skips the calling test when it is not there. */
    static Path tool() {
        Path tool = Path.of(System.getProperty("bootsplice.zbi", "../../shared/tools/zbi"))
                .toAbsolutePath()
                .normalize();
        assumeTrue(Files.isExecutable(tool), "reference zbi tool not found at " + tool + " (clone without ../shared)");
        return tool;
    }

    /** Runs the reference tool with {@code args} in folder {@code cwd}. */
    static Run reference(Path cwd, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(tool().toString());
        command.addAll(args);
        Path out = Files.createTempFile("zbi-out", ".txt");
        Path err = Files.createTempFile("zbi-err", ".txt");
        try {
            Process p = new ProcessBuilder(command)
                    .directory(cwd.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("reference zbi timed out: " + command);
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs {@code bootsplice zbi} in-process with {@code args} (which must hold absolute paths). */
    static Run ours(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ZbiTool.run(
                args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
