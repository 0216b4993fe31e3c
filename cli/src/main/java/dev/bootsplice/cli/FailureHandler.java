package dev.bootsplice.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Maps what a command throws to an exit status and one stderr line. Usage errors keep picocli's
 * invalid-input status (2); {@link CommandFailure}s carry their own; anything else is a bug (1). A stack
 * trace is printed only when {@code --debug} was given.
 */
final class FailureHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final String DEBUG_OPTION = "--debug";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("bootsplice: " + IoMessages.printable(String.valueOf(ex.getMessage())));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        if (debugRequested(args)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean debug = debugRequested(parseResult);
        int code = report(ex, err, debug);
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * Prints the one line for what a command threw and returns its exit status: a {@link CommandFailure}'s own, 3
     * for an I/O error a library wrapped unchecked, 1 (a bug) for anything else.
     */
    static int report(Exception ex, PrintWriter err, boolean debug) {
        if (ex instanceof CommandFailure failure) {
            err.println("bootsplice: " + IoMessages.printable(failure.getMessage()));
            return failure.exitCode();
        } else if (ex instanceof UncheckedIOException io) {
            err.println("bootsplice: " + IoMessages.reason(io.getCause()));
            return ExitCodes.INVALID_INPUT;
        }
        err.println(internalErrorLine(ex, debug));
        return ExitCodes.INTERNAL;
    }

    /** Returns the one line printed for a bug. */
    static String internalErrorLine(Throwable t, boolean debug) {
        String what = t.getMessage() != null && !t.getMessage().isBlank()
                ? IoMessages.printable(IoMessages.firstLine(t.getMessage()))
                : t.getClass().getSimpleName();
        return "bootsplice: internal error: " + what + (debug ? "" : " (run with --debug for the stack trace)");
    }

    /** Returns true when {@code --debug} was matched on the root command or any subcommand. */
    static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(DEBUG_OPTION)) {
                return true;
            }
        }
        return false;
    }

    private static boolean debugRequested(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals(DEBUG_OPTION)) {
                return true;
            }
        }
        return false;
    }
}
