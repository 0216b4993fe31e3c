package dev.bootsplice.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A child-JVM entry point that runs several {@code bootsplice} commands one after another in one JVM (one
 * start-up instead of one per command) and records each one's exit status, stdout and stderr as files
 * {@code N.exit}, {@code N.out}, {@code N.err} in a results folder. Output goes straight to files, so a huge
 * listing costs the child no heap.
 *
 * <p>Arguments: {@code RESULTS_DIR CMD1_ARGS... :: CMD2_ARGS... :: ...}.
 */
final class HardeningDriver {
    static final String SEPARATOR = "::";

    private HardeningDriver() {}

    public static void main(String[] args) throws IOException {
        Path results = Files.createDirectories(Path.of(args[0]));
        List<List<String>> commands = split(Arrays.asList(args).subList(1, args.length));
        for (int i = 0; i < commands.size(); i++) {
            int code;
            try (PrintWriter out = writer(results.resolve(i + ".out"));
                    PrintWriter err = writer(results.resolve(i + ".err"))) {
                code = Main.run(commands.get(i).toArray(String[]::new), out, err);
            }
            Files.writeString(results.resolve(i + ".exit"), Integer.toString(code));
        }
    }

    /** Returns the argument lists between {@link #SEPARATOR}s. */
    static List<List<String>> split(List<String> args) {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String a : args) {
            if (a.equals(SEPARATOR)) {
                commands.add(current);
                current = new ArrayList<>();
            } else {
                current.add(a);
            }
        }
        commands.add(current);
        return commands;
    }

    private static PrintWriter writer(Path file) throws IOException {
        return new PrintWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8));
    }
}
