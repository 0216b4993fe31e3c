package dev.bootsplice.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the tool in-process and captures what it printed. */
final class Cli {
    private Cli() {}

    /** The exit status and both output streams of one run. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }
}
