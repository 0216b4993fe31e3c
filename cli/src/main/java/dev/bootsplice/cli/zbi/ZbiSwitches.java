package dev.bootsplice.cli.zbi;

import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ItemType;
import dev.bootsplice.format.ZbiAssembly.InputOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the reference {@code zbi} command line as its {@code getopt_long} loop does (spec §4.1): switches and
 * inputs in order, input switches applying to the inputs after them, short switches bundled ({@code -tv}) or
 * with attached values ({@code -oFILE}), long switches as {@code --name=VALUE} or {@code --name VALUE} and by
 * any unambiguous prefix, {@code --compressed}'s value only attached, everything after {@code --} a PATTERN.
 * Unlike the 2020 tool, {@code -r} works (its short-option table lacked it, spec §4.9).
 */
final class ZbiSwitches {
    /** Whether a switch takes a value. */
    private enum Value {
        NONE,
        REQUIRED,
        OPTIONAL
    }

    /** One switch: long name, short letter (0 for none), value. */
    private record Switch(String name, char letter, Value value) {}

    private static final List<Switch> SWITCHES = List.of(
            new Switch("help", 'h', Value.NONE), new Switch("list", 't', Value.NONE),
            new Switch("verbose", 'v', Value.NONE), new Switch("extract", 'x', Value.NONE),
            new Switch("extract-items", 'X', Value.NONE), new Switch("extract-raw", 'R', Value.NONE),
            new Switch("output", 'o', Value.REQUIRED), new Switch("depfile", 'd', Value.REQUIRED),
            new Switch("output-dir", 'D', Value.REQUIRED), new Switch("json-output", 'j', Value.REQUIRED),
            new Switch("directory", 'C', Value.REQUIRED), new Switch("files", 'F', Value.NONE),
            new Switch("prefix", 'p', Value.REQUIRED), new Switch("replace", 'r', Value.NONE),
            new Switch("type", 'T', Value.REQUIRED), new Switch("compressed", 'c', Value.OPTIONAL),
            new Switch("uncompressed", 'u', Value.NONE), new Switch("recompress", '\0', Value.NONE),
            new Switch("ignore-missing-files", 'i', Value.NONE), new Switch("entry", 'e', Value.REQUIRED),
            new Switch("complete", 'B', Value.REQUIRED), new Switch("bootable", '\0', Value.REQUIRED));

    private final ZbiRequest request = new ZbiRequest();
    private Path directory;
    private String prefix = "";
    private boolean replace;
    private boolean ignoreMissing;
    private boolean recompress;
    private Compression compression = Compression.DEFAULT;
    private ItemType type;

    private ZbiSwitches() {}

    /**
     * Parses {@code args}.
     *
     * @throws ZbiUsageError for an unknown or ambiguous switch, a missing or unexpected value, or a bad value
     */
    static ZbiRequest parse(String[] args) throws ZbiUsageError {
        ZbiSwitches s = new ZbiSwitches();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                s.request.patterns.addAll(List.of(args).subList(i + 1, args.length));
                break;
            } else if (arg.startsWith("--")) {
                i = s.longSwitch(args, i);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                i = s.shortSwitches(args, i);
            } else {
                s.input(arg, false);
            }
        }
        return s.request;
    }

    private int longSwitch(String[] args, int i) throws ZbiUsageError {
        String body = args[i].substring(2);
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        Switch sw = byName(name, args[i]);
        String value = eq < 0 ? null : body.substring(eq + 1);
        if (sw.value() == Value.NONE && value != null) {
            throw new ZbiUsageError("option '--" + sw.name() + "' doesn't allow an argument");
        }
        if (sw.value() == Value.REQUIRED && value == null) {
            if (i + 1 >= args.length) {
                throw new ZbiUsageError("option '--" + sw.name() + "' requires an argument");
            }
            value = args[++i];
        }
        apply(sw, value);
        return i;
    }

    private int shortSwitches(String[] args, int i) throws ZbiUsageError {
        String arg = args[i];
        for (int j = 1; j < arg.length(); j++) {
            Switch sw = byLetter(arg.charAt(j));
            if (sw.value() == Value.NONE) {
                apply(sw, null);
                continue;
            }
            String rest = arg.substring(j + 1);
            if (sw.value() == Value.OPTIONAL) {
                apply(sw, rest.isEmpty() ? null : rest);
            } else if (!rest.isEmpty()) {
                apply(sw, rest);
            } else if (i + 1 < args.length) {
                apply(sw, args[++i]);
            } else {
                throw new ZbiUsageError("option requires an argument -- '" + sw.letter() + "'");
            }
            return i;
        }
        return i;
    }

    private static Switch byName(String name, String arg) throws ZbiUsageError {
        List<Switch> matches = new ArrayList<>();
        for (Switch sw : SWITCHES) {
            if (sw.name().equals(name)) {
                return sw;
            }
            if (!name.isEmpty() && sw.name().startsWith(name)) {
                matches.add(sw);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        String shown = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        throw new ZbiUsageError(
                matches.isEmpty() ? "unrecognized option '" + shown + "'" : "option '" + shown + "' is ambiguous");
    }

    private static Switch byLetter(char letter) throws ZbiUsageError {
        for (Switch sw : SWITCHES) {
            if (sw.letter() == letter && letter != '\0') {
                return sw;
            }
        }
        throw new ZbiUsageError("invalid option -- '" + letter + "'");
    }

    private void apply(Switch sw, String value) throws ZbiUsageError {
        switch (sw.name()) {
            case "help" -> request.help = true;
            case "list" -> request.list = true;
            case "verbose" -> request.verbose = true;
            case "extract" -> request.extract = true;
            case "extract-items" -> request.extract = request.extractItems = true;
            case "extract-raw" -> request.extract = request.extractItems = request.extractRaw = true;
            case "output" -> request.output = value;
            case "depfile" -> request.depfile = value;
            case "output-dir" -> request.outputDir = value;
            case "json-output" -> request.jsonOutput = value;
            case "entry" -> input(value, true);
            case "complete", "bootable" -> request.completeKernel = kernelType(value);
            default -> inputSwitch(sw.name(), value);
        }
    }

    /** Applies a switch that changes how later inputs are read. */
    private void inputSwitch(String name, String value) throws ZbiUsageError {
        switch (name) {
            case "directory" -> directory = directory == null ? Path.of(value) : directory.resolve(value);
            case "files" -> type = null;
            case "prefix" -> prefix = prefix(value);
            case "replace" -> replace = true;
            case "type" -> type = type(value);
            case "compressed" -> compression = request.compression = compression(value);
            case "uncompressed" -> compression = request.compression = Compression.NONE;
            case "recompress" -> recompress = true;
            case "ignore-missing-files" -> ignoreMissing = true;
            default -> throw new IllegalStateException("switch without a handler: " + name);
        }
    }

    private void input(String text, boolean entry) {
        InputOptions options = new InputOptions(directory, prefix, replace, ignoreMissing, compression, recompress);
        request.inputs.add(new ZbiInput(text, entry, type, options));
    }

    private static String prefix(String value) throws ZbiUsageError {
        if (value.startsWith("/")) {
            throw new ZbiUsageError("--prefix must be relative (no leading slash)");
        }
        String p = value;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.equals(".") ? "" : p;
    }

    private static ItemType type(String value) throws ZbiUsageError {
        try {
            return ItemType.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ZbiUsageError("unrecognized type: " + value);
        }
    }

    private static Compression compression(String value) throws ZbiUsageError {
        if (value == null) {
            return Compression.DEFAULT;
        }
        try {
            return Compression.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ZbiUsageError(e.getMessage());
        }
    }

    private static ItemType kernelType(String arch) throws ZbiUsageError {
        return switch (arch) {
            case "x64" -> ItemType.KERNEL_X64;
            case "arm64" -> ItemType.KERNEL_ARM64;
            case "riscv64" -> ItemType.KERNEL_RISCV64;
            default -> throw new ZbiUsageError("--complete architecture argument must be one of: x64, arm64, riscv64");
        };
    }
}
