package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

class FailureHandlerTest {
    @Command(name = "throwing")
    static final class Throwing implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--debug")
        boolean debug;

        @Option(names = "--what")
        String what = "bug";

        @Override
        public Integer call() throws Exception {
            switch (what) {
                case "bug" -> throw new IllegalStateException("pages counter went negative");
                case "input" -> throw CommandFailure.invalidInput(
                        "img.zbi: item 1 (BOOTFS) at 0x20: bad BOOTFS header");
                case "check" -> throw CommandFailure.checkFailed("budget exceeded");
                case "io" -> throw new UncheckedIOException(new NoSuchFileException("x.zbi"));
                case "usage" -> throw new ParameterException(spec.commandLine(), "--a and --b exclude each other");
                default -> throw new IOException(what);
            }
        }
    }

    private static Cli.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        FailureHandler h = new FailureHandler();
        int code = new CommandLine(new Throwing())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .setExecutionExceptionHandler(h)
                .setParameterExceptionHandler(h)
                .execute(args);
        return new Cli.Result(code, out.toString(), err.toString());
    }

    @Test
    void aBugIsExit1OnOneLineWithoutStackTraceOrClassName() {
        Cli.Result r = run("--what", "bug");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo("bootsplice: internal error: pages counter went negative"
                        + " (run with --debug for the stack trace)" + System.lineSeparator());
    }

    @Test
    void debugAddsTheStackTrace() {
        Cli.Result r = run("--what", "bug", "--debug");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("IllegalStateException").contains("\tat ");
    }

    @Test
    void invalidInputIsExit3WithTheGivenLine() {
        Cli.Result r = run("--what", "input");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo("bootsplice: img.zbi: item 1 (BOOTFS) at 0x20: bad BOOTFS header" + System.lineSeparator());
    }

    @Test
    void failedCheckIsExit4() {
        assertThat(run("--what", "check").exitCode()).isEqualTo(4);
    }

    @Test
    void uncheckedIoErrorIsAnInputErrorWithoutClassName() {
        Cli.Result r = run("--what", "io");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("bootsplice: no such file or directory" + System.lineSeparator());
    }

    @Test
    void usageErrorRaisedByTheCommandItselfStaysExit2() {
        Cli.Result r = run("--what", "usage");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("bootsplice: --a and --b exclude each other");
    }

    @Test
    void badOptionValueIsExit2() {
        assertThat(run("--nope").exitCode()).isEqualTo(2);
    }
}
