package dev.bootsplice.cli;

import dev.bootsplice.format.ImageChecker;
import dev.bootsplice.format.Problem;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import dev.bootsplice.format.ZbiToolListing;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bootsplice list}: the container's items and every BOOTFS file, as a table, JSON or the reference listing. */
@Command(
        name = "list",
        description = {
            "List the items of a ZBI (or a bare BOOTFS) and every BOOTFS file.",
            "Each BOOTFS is decompressed only as far as its directory; `verify` checks every byte.",
            "Exit 3 when the image has an error (a CRC mismatch counts unless --no-verify-crc)."
        })
final class ListCommand implements Callable<Integer> {
    enum Format {
        TEXT,
        ZBI
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "A ZBI or bare BOOTFS file (- for standard input).")
    private Path image;

    @Parameters(
            index = "1..*",
            paramLabel = "PATTERN",
            description = "Show only BOOTFS files matching a glob (* matches /; !PATTERN excludes).")
    private List<String> patterns = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object (items, BOOTFS entries, problems).")
    private boolean json;

    @Option(
            names = "--format",
            paramLabel = "text|zbi",
            defaultValue = "text",
            completionCandidates = Completions.ListFormats.class,
            description = "text: a readable table (default); zbi: the reference `zbi -t -v` listing.")
    private Format format;

    @Option(names = "--no-verify-crc", description = "Do not compute CRCs (a mismatch is then not an error).")
    private boolean noVerifyCrc;

    @Override
    public Integer call() {
        if (json && format == Format.ZBI) {
            throw new ParameterException(spec.commandLine(), "--json and --format=zbi exclude each other");
        }
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Sets what the command line would (for {@link QuickCommands}, which parses it without picocli). */
    ListCommand with(Path image, List<String> patterns, boolean json, Format format, boolean noVerifyCrc) {
        this.image = image;
        this.patterns = patterns;
        this.json = json;
        this.format = format;
        this.noVerifyCrc = noVerifyCrc;
        return this;
    }

    /** Lists the image; {@code --json} and {@code --format=zbi} must not both be set. */
    int run(PrintWriter out, PrintWriter err) {
        ZbiImage zbi;
        try {
            zbi = ImageFiles.open(image);
        } catch (CommandFailure f) {
            if (json && f.getCause() instanceof ZbiFormatException e) {
                // Scripts reading --json still get the documented object, with the reason in problems.
                Json.print(ListingJson.unopened(image, Problem.of(e)), out);
            }
            throw f;
        }
        try {
            // The reference listing decompresses every item, so its verdict does too; the listing runs first and
            // the checker reuses its pass (ZbiItem.checkDecompression). The table and JSON read each BOOTFS only up
            // to its directory (`verify` decompresses everything).
            NameFilter names = NameFilter.of(patterns);
            ZbiToolListing.Result listing = format == Format.ZBI
                    ? ZbiToolListing.render(zbi, ZbiToolListing.Naming.PROJECT, true, names)
                    : null;
            List<Problem> problems = format == Format.ZBI
                    ? withoutUnreadEmptyItems(zbi, ImageChecker.check(zbi, !noVerifyCrc, false))
                    : ImageChecker.checkListing(zbi, !noVerifyCrc);
            if (format == Format.ZBI) {
                listing.stderr().forEach(line -> err.println(IoMessages.printable(line)));
                listing.stdout().forEach(out::println);
            } else {
                List<ListedItem> items = new ArrayList<>();
                for (ZbiItem item : zbi.items()) {
                    items.add(ListedItem.of(item, !noVerifyCrc, names));
                }
                if (json) {
                    Json.print(ListingJson.of(image, zbi, items, problems), out);
                } else {
                    ListingText.print(image, zbi, items, out);
                }
                for (Problem p : problems) {
                    err.println("bootsplice: " + ImageFiles.describe(image, p));
                }
            }
            return ImageChecker.hasErrors(problems) ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
        } finally {
            ImageFiles.closeQuietly(zbi);
        }
    }

    /**
     * Drops the problems of zero-length items: the reference listing prints such an item's header line and reads
     * nothing of it (zbi -t -v lists a length-0 BOOTFS and exits 0), so its verdict does not count what zbitl
     * would say when a BOOTFS of no bytes is opened (F1; `verify` still reports it).
     */
    private static List<Problem> withoutUnreadEmptyItems(ZbiImage zbi, List<Problem> problems) {
        return problems.stream()
                .filter(p -> p.item() < 0
                        || p.item() >= zbi.items().size()
                        || zbi.items().get(p.item()).length() != 0
                        || p.reason().startsWith("CRC mismatch"))
                .toList();
    }
}
