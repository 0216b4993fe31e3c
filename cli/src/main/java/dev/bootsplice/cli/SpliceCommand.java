package dev.bootsplice.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.report.Units;
import dev.bootsplice.splice.KernelEra;
import dev.bootsplice.splice.SpliceException;
import dev.bootsplice.splice.SpliceResult;
import dev.bootsplice.splice.SpliceSummary;
import dev.bootsplice.splice.SplicedFile;
import dev.bootsplice.splice.Splicer;
import dev.bootsplice.splice.Strategy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bootsplice splice}: gives every BOOTFS file its own VMO in the model with one strategy. */
@Command(
        name = "splice",
        description = {
            "Give every BOOTFS file its own VMO in the Zircon VM model.",
            "Loads the image's BOOTFS into a root VMO and makes each file's VMO with the chosen strategy; prints "
                    + "each file's VMO size, owned pages and first-page lookup depth, and a summary."
        })
final class SpliceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "A ZBI or bare BOOTFS file.")
    private Path image;

    @Option(
            names = "--strategy",
            required = true,
            paramLabel = "clone|clone-sharecount|copy|transfer",
            converter = StrategyConverter.class,
            completionCandidates = Completions.Strategies.class,
            description = "How each file's VMO is made.")
    private Strategy strategy;

    @Option(
            names = "--kernel",
            paramLabel = "2023|2024|2025",
            converter = KernelConverter.class,
            defaultValue = "2023",
            description = "The kernel era the model runs as (default ${DEFAULT-VALUE}: RFC_0223 + LEGACY_CHAIN).")
    private KernelEra kernel;

    @Option(names = "--json", description = "Print files and summary as JSON.")
    private boolean json;

    @Option(names = "--tree", description = "Also print the model's VMO tree.")
    private boolean tree;

    @Option(names = "--dot", description = "Print only the VMO tree, as Graphviz DOT.")
    private boolean dot;

    @Override
    public Integer call() {
        if ((json && (dot || tree)) || (dot && tree)) {
            throw new ParameterException(spec.commandLine(), "--json, --dot and --tree exclude each other");
        }
        PrintWriter out = spec.commandLine().getOut();
        ZbiImage zbi = ImageFiles.open(image);
        SpliceResult result;
        try (TerminalProgress progress =
                TerminalProgress.onTerminal(spec.commandLine().getErr())) {
            zbi.firstBootfs()
                    .ifPresent(item -> ImageFiles.warnOnCrcMismatch(
                            image,
                            item,
                            "splicing the data anyway",
                            spec.commandLine().getErr()));
            result = Splicer.splice(zbi, strategy, kernel, progress);
        } catch (ZbiFormatException e) {
            throw CommandFailure.invalidInput(image, e);
        } catch (SpliceException e) {
            throw CommandFailure.cannotSplice(image.toString(), e);
        } finally {
            ImageFiles.closeQuietly(zbi);
        }
        if (dot) {
            out.print(result.toDot());
        } else if (json) {
            Json.print(json(result), out);
        } else {
            text(result, out);
            if (tree) {
                out.println();
                out.print(result.describeTree());
            }
        }
        return ExitCodes.OK;
    }

    private void text(SpliceResult result, PrintWriter out) {
        TextTable table = new TextTable("", "NAME", "SIZE>", "PAGES>", "OWNED>", "DEPTH>", "SHARES RANGE WITH");
        for (SplicedFile f : result.files()) {
            table.row(
                    IoMessages.printable(f.name()),
                    Long.toString(f.size()),
                    Long.toString(f.pages()),
                    Long.toString(f.ownedPages()),
                    Integer.toString(f.depth()),
                    f.sharesRangeWith() == null ? "-" : IoMessages.printable(f.sharesRangeWith()));
        }
        table.print(out);
        SpliceSummary s = result.summary();
        out.printf(
                Locale.ROOT,
                "%s on kernel %s (%s, %s): %s, %s, %s; pages allocated %d,"
                        + " copied %d, moved %d, zeroed %d; lookup depth max %d, mean %.2f%n",
                strategy.cliName(),
                kernel.cliName(),
                result.config().profile(),
                result.config().clones(),
                Units.count(result.files().size(), "file"),
                Units.count(s.vmos(), "VMO"),
                Units.count(s.hiddenNodes(), "hidden node"),
                s.pagesAllocated(),
                s.pagesCopied(),
                s.pagesMoved(),
                s.pagesZeroed(),
                s.maxDepth(),
                s.meanDepth());
    }

    private ObjectNode json(SpliceResult result) {
        ObjectNode root = Json.object();
        root.put("image", image.toString());
        root.put("strategy", strategy.cliName());
        root.put("kernel", kernel.cliName());
        ArrayNode files = root.putArray("files");
        for (SplicedFile f : result.files()) {
            files.addObject()
                    .put("name", f.name())
                    .put("size", f.size())
                    .put("pages", f.pages())
                    .put("ownedPages", f.ownedPages())
                    .put("depth", f.depth())
                    .put("sharesRangeWith", f.sharesRangeWith());
        }
        SpliceSummary s = result.summary();
        root.putObject("summary")
                .put("vmos", s.vmos())
                .put("hiddenNodes", s.hiddenNodes())
                .put("pagesAllocated", s.pagesAllocated())
                .put("pagesCopied", s.pagesCopied())
                .put("pagesMoved", s.pagesMoved())
                .put("pagesZeroed", s.pagesZeroed())
                .put("maxDepth", s.maxDepth())
                .put("meanDepth", s.meanDepth());
        return root;
    }
}
