package dev.bootsplice.cli;

import dev.bootsplice.format.ZbiImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bootsplice extract}: BOOTFS files (or whole items) under one folder, never outside it. */
@Command(
        name = "extract",
        description = {
            "Extract BOOTFS files (or whole items) into a folder.",
            "Writes every BOOTFS file under DIR; files sharing a data range become hard links. --items writes "
                    + "each item as a one-item ZBI, --raw its decompressed payload. PATTERNs are globs where * also "
                    + "matches /; a pattern starting with ! excludes. Names that would land outside DIR (absolute, .., "
                    + "through a symbolic link, a device or FIFO) are refused: exit 3, nothing written for them."
        })
final class ExtractCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "A ZBI or bare BOOTFS file.")
    private Path image;

    @Parameters(index = "1..*", paramLabel = "PATTERN", description = "Select files (or item file names).")
    private List<String> patterns = new ArrayList<>();

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            required = true,
            description = "Output folder (created if missing).")
    private Path output;

    @Option(names = "--force", description = "Replace existing files.")
    private boolean force;

    @Option(names = "--items", description = "Write each item as a one-item ZBI named NNN.TYPE.zbi.")
    private boolean items;

    @Option(names = "--raw", description = "Write each item's decompressed payload as NNN.TYPE.bin.")
    private boolean raw;

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Sets what the command line would (for {@link QuickCommands}, which parses it without picocli). */
    ExtractCommand with(Path image, List<String> patterns, Path output, boolean force, boolean items, boolean raw) {
        this.image = image;
        this.patterns = patterns;
        this.output = output;
        this.force = force;
        this.items = items;
        this.raw = raw;
        return this;
    }

    /** Extracts from the image. */
    int run(PrintWriter out, PrintWriter err) {
        ZbiImage zbi = ImageFiles.open(image);
        try {
            SafeExtractor extractor = openOutput();
            Extraction extraction = new Extraction(image, zbi, extractor, NameFilter.of(patterns), err);
            Thread cleanup = new Thread(extractor::discardInFlight, "bootsplice-extract-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                if (items || raw) {
                    extraction.items(items, raw);
                } else {
                    extraction.bootfsFiles();
                }
            } finally {
                removeHook(cleanup);
            }
            out.println(extraction.summary(output));
            return extraction.failed() ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
        } finally {
            ImageFiles.closeQuietly(zbi);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and runs the hook itself.
            return;
        }
    }

    private SafeExtractor openOutput() {
        try {
            return new SafeExtractor(output, force);
        } catch (IOException e) {
            throw CommandFailure.unreadable(output, e);
        }
    }
}
