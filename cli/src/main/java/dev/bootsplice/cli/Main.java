package dev.bootsplice.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        footer = {
            "",
            "Exit status: 0 success, 1 internal error, 2 usage error, 3 invalid input,",
            "4 check failed (regression, budget, size budget, scenario expectation)."
        })
public final class Main implements Callable<Integer> {
    /**
     * The subcommands in help order. They are registered on demand: building a command's model by
     * reflection is most of a short run's start-up cost, so a run registers only the command it names.
     */
    private static final Map<String, Class<?>> COMMANDS = commands();

    @Spec
    private CommandSpec spec;

    @Option(
            names = FailureHandler.DEBUG_OPTION,
            scope = ScopeType.INHERIT,
            description = "Print stack traces of internal errors.")
    private boolean debug;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("list", ListCommand.class);
        m.put("verify", VerifyCommand.class);
        m.put("extract", ExtractCommand.class);
        m.put("pack", PackCommand.class);
        m.put("generate", GenerateCommand.class);
        m.put("splice", SpliceCommand.class);
        m.put("profile", ProfileCommand.class);
        m.put("compare", CompareCommand.class);
        m.put("diff", DiffCommand.class);
        m.put("calibrate", CalibrateCommand.class);
        m.put("rfc0223", Rfc0223Command.class);
        m.put("vm", VmCommand.class);
        m.put("generate-completion", CompletionCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return m;
    }

    /**
     * Returns the subcommands {@code args} needs: the one named by the first non-option argument, none for
     * {@code --version}, and all of them otherwise (help, completion, suggestions for a mistyped name).
     */
    static Map<String, Class<?>> commandsNeeded(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (!arg.startsWith("-")) {
                Class<?> named = COMMANDS.get(arg);
                // Completion and help describe other commands, so they need them all.
                boolean describesOthers = named == CompletionCommand.class || named == CommandLine.HelpCommand.class;
                return named == null || describesOthers ? COMMANDS : Map.of(arg, named);
            }
        }
        List<String> given = Arrays.asList(args);
        boolean asksVersion = given.contains("--version") || given.contains("-V");
        boolean nothingElse = given.stream()
                .allMatch(a -> a.equals("--version") || a.equals("-V") || a.equals(FailureHandler.DEBUG_OPTION));
        return asksVersion && nothingElse ? Map.of() : COMMANDS;
    }

    /** Runs the tool and exits the JVM with its exit status. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
        System.exit(run(args, out, err));
    }

    /**
     * Runs the tool with {@code args} and {@code env} as its environment (the variables CI conventions read,
     * such as {@code GITHUB_STEP_SUMMARY}), printing results to {@code out} and diagnostics to {@code err}.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        return CiEnvironment.with(env, () -> run(args, out, err));
    }

    /** Runs the tool with {@code args}, printing results to {@code out} and diagnostics to {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // The commonest probe of an installed tool; answering it before picocli loads (its classes cannot
            // be put in a class-data-sharing archive) keeps it several times faster. Same text as picocli's.
            out.println(new VersionProvider().getVersion()[0]);
            out.flush();
            return ExitCodes.OK;
        }
        FailureHandler failures = new FailureHandler();
        CommandLine cmd = new CommandLine(new Main());
        for (Map.Entry<String, Class<?>> c : commandsNeeded(args).entrySet()) {
            cmd.addSubcommand(c.getKey(), c.getValue());
        }
        cmd.setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures)
                .setCaseInsensitiveEnumValuesAllowed(true);
        try {
            return JvmFaults.guard(() -> cmd.execute(args), err);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
