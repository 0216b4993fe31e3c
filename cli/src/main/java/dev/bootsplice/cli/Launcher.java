package dev.bootsplice.cli;

import dev.bootsplice.cli.zbi.ZbiTool;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The jar's entry point: {@code zbi} and the plain forms of the everyday read commands run without loading
 * picocli (see {@link QuickCommands}); everything else goes to {@link Main}. This class names no picocli
 * type, so the JVM does not load any while verifying it.
 */
public final class Launcher {
    private Launcher() {}

    /** Runs the tool and exits the JVM with its exit status. */
    public static void main(String[] args) {
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        if (args.length > 0 && args[0].equals(ZbiTool.NAME)) {
            PrintStream out = new PrintStream(new BufferedOutputStream(stdout, 1 << 16), false, StandardCharsets.UTF_8);
            System.exit(ZbiTool.run(Arrays.copyOfRange(args, 1, args.length), out, System.err));
        }
        PrintWriter out = new PrintWriter(
                new OutputStreamWriter(new BufferedOutputStream(stdout, 1 << 16), StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
        Integer quick = quick(args, out, err);
        if (quick != null) {
            System.exit(quick);
        }
        Main.main(args);
    }

    /**
     * Runs {@code args} through {@link QuickCommands} with the JVM faults worded and returns the exit status, or
     * null when picocli must parse them ({@link Training} runs the everyday commands through here, so the
     * class-data-sharing archive holds this class and its lambda too).
     */
    static Integer quick(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return JvmFaults.guard(() -> QuickCommands.run(args, out, err), err);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
