package dev.bootsplice.cli;

import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ImagePacker;
import dev.bootsplice.format.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bootsplice pack}: builds a reproducible ZBI (or bare BOOTFS) from folders, manifests and images. */
@Command(
        name = "pack",
        description = {
            "Build a ZBI (or a bare BOOTFS) from folders, manifests and ZBIs.",
            "Each INPUT is a directory, a manifest (target=source lines) or an existing ZBI. The output is "
                    + "byte-for-byte reproducible; OUT is written to a temporary file and renamed into place."
        })
final class PackCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    ImageOutput out;

    @Option(names = "--bootfs-only", description = "Write a bare BOOTFS instead of a ZBI.")
    boolean bootfsOnly;

    @Option(
            names = "--compress",
            paramLabel = "zstd[:LEVEL]|lz4f[:LEVEL]|none",
            defaultValue = "zstd:4",
            converter = CompressionConverter.class,
            description = "Compression of new storage items (default ${DEFAULT-VALUE}, like the reference tool).")
    Compression compression;

    @Option(names = "--prefix", paramLabel = "P", description = "Put names from directories and manifests under P/.")
    String prefix;

    @Option(names = "--kernel", paramLabel = "FILE", description = "Kernel placed first (a kernel ZBI or raw kernel).")
    Path kernel;

    @Option(names = "--cmdline", paramLabel = "TEXT", description = "A CMDLINE fragment (repeatable; merged).")
    List<String> cmdlines = new ArrayList<>();

    @Option(
            names = "--item",
            paramLabel = "TYPE:FILE",
            description = "An extra item of TYPE (name or hex) with FILE as payload (repeatable).")
    List<String> items = new ArrayList<>();

    @Option(names = "--replace", description = "A later duplicate BOOTFS name replaces the earlier one (last wins).")
    boolean replace;

    @Option(names = "--recompress", description = "Decompress input images' storage items and compress them afresh.")
    boolean recompress;

    @Option(names = "--ignore-missing-files", description = "Skip manifest entries whose source file is missing.")
    boolean ignoreMissing;

    @Option(names = "--entry", paramLabel = "NAME=TEXT", description = "A BOOTFS file NAME holding TEXT (repeatable).")
    List<String> entries = new ArrayList<>();

    @Option(
            names = "--pattern",
            paramLabel = "GLOB",
            description = "Pack only BOOTFS names matching a GLOB (* matches /; !GLOB excludes; repeatable).")
    List<String> patterns = new ArrayList<>();

    @Option(
            names = "--depfile",
            paramLabel = "FILE",
            description = "Write a Makefile rule: OUT depends on every input read.")
    Path depfile;

    @Option(
            names = "--json-output",
            paramLabel = "FILE",
            description = "Describe the written items as JSON (the zbi tool's shape).")
    Path jsonOutput;

    @Parameters(
            paramLabel = "INPUT",
            description = "A directory, a manifest file or an existing ZBI (- for standard input).")
    List<Path> inputs = new ArrayList<>();

    @Override
    public Integer call() {
        if (!hasContent()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "pack needs at least one INPUT");
        }
        return run(
                spec.commandLine().getOut(),
                message -> new picocli.CommandLine.ParameterException(spec.commandLine(), message));
    }

    /** Returns true when something would be packed: an INPUT, an entry, a kernel, a CMDLINE or an item. */
    boolean hasContent() {
        return !inputs.isEmpty() || !entries.isEmpty() || kernel != null || !cmdlines.isEmpty() || !items.isEmpty();
    }

    /** Packs the image; a usage problem becomes the exception {@code usage} makes of its message. */
    int run(java.io.PrintWriter stdout, java.util.function.Function<String, RuntimeException> usage) {
        ImagePacker[] packer = new ImagePacker[1];
        int status = out.write(
                stdout,
                usage,
                bootfsOnly,
                (path, force) -> {
                    packer[0] = configuredPacker();
                    return packer[0].pack(path, force);
                },
                IoMessages::describe);
        PackOutputs.write(out.output, depfile, jsonOutput, packer[0]);
        return status;
    }

    private ImagePacker configuredPacker() throws UsageException {
        ImagePacker packer = new ImagePacker().compression(compression).bootfsOnly(bootfsOnly);
        if (prefix != null) {
            packer.prefix(prefix);
        }
        if (kernel != null) {
            packer.kernel(kernel);
        }
        cmdlines.forEach(packer::cmdline);
        packer.replace(replace).recompress(recompress).ignoreMissingFiles(ignoreMissing);
        if (!patterns.isEmpty()) {
            packer.patterns(NameFilter.of(patterns));
        }
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--entry needs NAME=TEXT, got \"" + entry + "\"");
            }
            packer.entry(entry.substring(0, eq), entry.substring(eq + 1));
        }
        for (String item : items) {
            packer.item(item);
        }
        inputs.forEach(packer::input);
        return packer;
    }
}
