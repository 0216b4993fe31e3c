package dev.bootsplice.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the everyday commands ({@code list}, {@code verify}, {@code extract}, {@code pack}) without picocli when their
 * command line uses only their plain options: picocli's classes are compiled for Java 5, which class-data
 * sharing cannot archive, so loading them and building the command model costs about 0.15 s of CPU, more
 * than such a run needs for its own work. Anything else (help, {@code --debug}, an unknown or misplaced
 * option, a missing argument) returns null and goes to picocli, which words the usage error as always.
 */
final class QuickCommands {
    private QuickCommands() {}

    /** Runs {@code args} and returns the exit status, or null when picocli must parse them. */
    static Integer run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length < 2) {
            return null;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "list" -> list(rest, out, err);
                case "verify" -> verify(rest, out, err);
                case "extract" -> extract(rest, out, err);
                case "pack" -> pack(rest, out, err);
                default -> null;
            };
        } catch (RuntimeException e) {
            return FailureHandler.report(e, err, false);
        }
    }

    private static Integer list(List<String> args, PrintWriter out, PrintWriter err) {
        List<String> positional = new ArrayList<>();
        boolean json = false;
        boolean noVerifyCrc = false;
        ListCommand.Format format = ListCommand.Format.TEXT;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--json" -> json = true;
                case "--no-verify-crc" -> noVerifyCrc = true;
                case "--format=zbi", "--format=text" -> format =
                        a.endsWith("zbi") ? ListCommand.Format.ZBI : ListCommand.Format.TEXT;
                default -> {
                    if (isOption(a)) {
                        return null;
                    }
                    positional.add(a);
                }
            }
        }
        if (positional.isEmpty() || json && format == ListCommand.Format.ZBI) {
            return null;
        }
        return new ListCommand()
                .with(Path.of(positional.get(0)), positional.subList(1, positional.size()), json, format, noVerifyCrc)
                .run(out, err);
    }

    private static Integer verify(List<String> args, PrintWriter out, PrintWriter err) {
        List<String> positional = new ArrayList<>();
        boolean json = false;
        boolean strict = false;
        for (String a : args) {
            switch (a) {
                case "--json" -> json = true;
                case "--strict" -> strict = true;
                default -> {
                    if (isOption(a)) {
                        return null;
                    }
                    positional.add(a);
                }
            }
        }
        return positional.size() != 1
                ? null
                : new VerifyCommand()
                        .with(Path.of(positional.get(0)), json, strict)
                        .run(out, err);
    }

    private static Integer extract(List<String> args, PrintWriter out, PrintWriter err) {
        List<String> positional = new ArrayList<>();
        String output = null;
        boolean force = false;
        boolean items = false;
        boolean raw = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-o") || a.equals("--output")) && i + 1 < args.size() && output == null) {
                output = args.get(++i);
            } else if (a.startsWith("--output=") && output == null) {
                output = a.substring("--output=".length());
            } else if (a.equals("--force") || a.equals("--items") || a.equals("--raw")) {
                force |= a.equals("--force");
                items |= a.equals("--items");
                raw |= a.equals("--raw");
            } else if (isOption(a)) {
                return null;
            } else {
                positional.add(a);
            }
        }
        if (positional.isEmpty() || output == null || output.isEmpty()) {
            return null;
        }
        return new ExtractCommand()
                .with(
                        Path.of(positional.get(0)),
                        positional.subList(1, positional.size()),
                        Path.of(output),
                        force,
                        items,
                        raw)
                .run(out, err);
    }

    private static Integer pack(List<String> args, PrintWriter out, PrintWriter err) {
        PackCommand c = new PackCommand();
        c.out = new ImageOutput();
        c.compression = dev.bootsplice.format.Compression.DEFAULT;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-o") || a.equals("--output")) && i + 1 < args.size() && c.out.output == null) {
                c.out.output = Path.of(args.get(++i));
            } else if (!packOption(c, a)) {
                return null;
            }
        }
        if (c.out.output == null || !c.hasContent()) {
            return null;
        }
        try {
            return c.run(out, message -> new CommandFailure(ExitCodes.USAGE, message));
        } catch (CommandFailure f) {
            if (f.exitCode() == ExitCodes.USAGE) {
                err.println("bootsplice: " + IoMessages.printable(f.getMessage()));
                err.println("Try 'bootsplice pack --help' for more information.");
                return ExitCodes.USAGE;
            }
            throw f;
        }
    }

    /** Applies one {@code pack} argument; false when only picocli can read it. */
    private static boolean packOption(PackCommand c, String a) {
        int eq = a.indexOf('=');
        String name = a.startsWith("--") && eq > 0 ? a.substring(0, eq) : a;
        String value = eq > 0 ? a.substring(eq + 1) : null;
        switch (name) {
            case "--force" -> c.out.force = true;
            case "--bootfs-only" -> c.bootfsOnly = true;
            case "--replace" -> c.replace = true;
            case "--recompress" -> c.recompress = true;
            case "--ignore-missing-files" -> c.ignoreMissing = true;
            case "--output",
                    "--compress",
                    "--prefix",
                    "--kernel",
                    "--cmdline",
                    "--item",
                    "--entry",
                    "--pattern",
                    "--depfile",
                    "--json-output" -> {
                return value != null && packValue(c, name, value);
            }
            default -> {
                if (isOption(a)) {
                    return false;
                }
                c.inputs.add(Path.of(a));
            }
        }
        return true;
    }

    private static boolean packValue(PackCommand c, String name, String value) {
        switch (name) {
            case "--output" -> c.out.output = Path.of(value);
            case "--compress" -> {
                try {
                    c.compression = dev.bootsplice.format.Compression.parse(value);
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
            case "--prefix" -> c.prefix = value;
            case "--kernel" -> c.kernel = Path.of(value);
            case "--cmdline" -> c.cmdlines.add(value);
            case "--item" -> c.items.add(value);
            case "--entry" -> c.entries.add(value);
            case "--pattern" -> c.patterns.add(value);
            case "--depfile" -> c.depfile = Path.of(value);
            default -> c.jsonOutput = Path.of(value);
        }
        return true;
    }

    /** Returns true for anything picocli would read as an option (a lone {@code -} is standard input). */
    private static boolean isOption(String arg) {
        return arg.startsWith("-") && !arg.equals("-");
    }
}
