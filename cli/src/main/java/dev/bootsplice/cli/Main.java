package dev.bootsplice.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code bootsplice} root command: dispatches to one subcommand and maps failures to exit statuses. */
@Command(
        name = "bootsplice",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = "Read, write, verify and profile Fuchsia boot images (ZBI/BOOTFS) and model Zircon VMOs.",
        footer = {"", "Exit status: 0 success, 1 internal error, 2 usage error, 3 invalid input, 4 check failed."},
        subcommands = {
            ListCommand.class,
            VerifyCommand.class,
            ExtractCommand.class,
            PackCommand.class,
            GenerateCommand.class,
            SpliceCommand.class,
            ProfileCommand.class,
            CompareCommand.class,
            CalibrateCommand.class,
            VmCommand.class,
            CompletionCommand.class,
        })
public final class Main implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = FailureHandler.DEBUG_OPTION, scope = ScopeType.INHERIT,
            description = "Print stack traces of internal errors.")
    private boolean debug;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    /** Runs the tool and exits the JVM with its exit status. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
        System.exit(run(args, out, err));
    }

    /** Runs the tool with {@code args}, printing results to {@code out} and diagnostics to {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        FailureHandler failures = new FailureHandler();
        CommandLine cmd = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures)
                .setCaseInsensitiveEnumValuesAllowed(true);
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("bootsplice: out of memory (give the JVM more with BOOTSPLICE_JAVA_OPTS=-Xmx...)");
            return ExitCodes.INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
