package dev.bootsplice.cli.zbi;

import dev.bootsplice.cli.NameFilter;
import dev.bootsplice.format.Bootability;
import dev.bootsplice.format.Compression;
import dev.bootsplice.format.UsageException;
import dev.bootsplice.format.ZbiAssembly;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiToolListing;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One {@code zbi} run in the reference tool's order (misttech/fuchsia {@code zircon/tools/zbi/zbi.cc}
 * {@code main}): read every input, build the items, then either write {@code --output} (depfile first, JSON
 * after) or describe them: JSON, the {@code -t}/{@code -v} listing, and extraction. Failures are
 * {@link ZbiFailure}s; their message is printed as one line and the status is 1, as the tool's.
 */
final class ZbiRun {
    private final ZbiRequest request;
    private final PrintStream out;
    private final PrintStream err;
    private final NameFilter patterns;

    ZbiRun(ZbiRequest request, PrintStream out, PrintStream err) {
        this.request = request;
        this.out = out;
        this.err = err;
        this.patterns = NameFilter.of(request.patterns);
    }

    /** Runs the request and returns the exit status. */
    int run() throws ZbiFailure, IOException, UsageException, ZbiFormatException {
        if (request.list && (request.output != null || request.depfile != null)) {
            throw new ZbiFailure("--output (-o) and --depfile (-d) are incompatible with --list (-t)");
        }
        // The 2020 tool also refuses --json-output alone (the newest accepts it).
        if (!request.list && request.output == null && !request.extract) {
            throw new ZbiFailure("no output file");
        }
        try (ZbiAssembly assembly = new ZbiAssembly()) {
            ZbiImage direct = request.readsOnly() ? directImage() : null;
            if (direct != null) {
                try (direct) {
                    return describe(direct, 0, 0);
                }
            }
            for (ZbiInput input : request.inputs) {
                add(assembly, input);
            }
            boolean treeFilter = !patterns.selectsAll() && !request.extract;
            ZbiAssembly.Result built = assembly.build(
                    !request.readsOnly(),
                    request.readsOnly() ? Compression.NONE : request.compression,
                    treeFilter ? patterns : null,
                    !request.readsOnly() && request.completeKernel != null);
            if (!request.readsOnly()) {
                return writeOutput(assembly, built);
            }
            ZbiImage image = ZbiImage.read(ByteBuffer.wrap(built.writer().toBytes()), "<zbi>");
            return describe(image, built.namesChecked(), built.namesMatched());
        }
    }

    /** Returns the one input image when it can be described as it is (nothing would change it), else null. */
    private ZbiImage directImage() throws IOException {
        if (request.inputs.size() != 1 || (!patterns.selectsAll() && !request.extract)) {
            return null;
        }
        ZbiInput input = request.inputs.get(0);
        boolean plain = input.type() == null || input.type().equals(dev.bootsplice.format.ItemType.CONTAINER);
        Path file = input.options().resolve(input.text());
        if (input.entry() || !plain || input.options().recompress() || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return ZbiImage.open(file);
        } catch (ZbiFormatException e) {
            return null;
        }
    }

    private static void add(ZbiAssembly assembly, ZbiInput input) throws UsageException, IOException {
        if (input.type() == null) {
            if (input.entry()) {
                assembly.addManifestText(input.text(), input.options());
            } else {
                assembly.addFiles(input.text(), input.options());
            }
        } else if (input.entry()) {
            assembly.addTypedText(input.text(), input.type(), input.options());
        } else {
            assembly.addTyped(input.text(), input.type(), input.options());
        }
    }

    private int writeOutput(ZbiAssembly assembly, ZbiAssembly.Result built)
            throws ZbiFailure, IOException, UsageException, ZbiFormatException {
        Path output = Path.of(request.output);
        if (request.depfile != null) {
            Depfile.write(Path.of(request.depfile), request.output, assembly.filesRead());
        }
        built.writer().writeTo(output, true);
        try (ZbiImage written = ZbiImage.open(output)) {
            if (request.completeKernel != null) {
                Bootability b = written.completeness(request.completeKernel);
                if (!b.bootable()) {
                    Files.deleteIfExists(output);
                    throw new ZbiFailure("incomplete image: " + b.reason());
                }
            }
            if (request.jsonOutput != null) {
                ZbiJson.write(Path.of(request.jsonOutput), written);
            }
        }
        return summary(built.namesChecked(), built.namesMatched());
    }

    /** JSON, listing and extraction of items that are not written out; the counts are the tree filter's. */
    private int describe(ZbiImage image, int checked, int matched) throws ZbiFailure, IOException, ZbiFormatException {
        if (request.completeKernel != null) {
            Bootability b = image.completeness(request.completeKernel);
            if (!b.bootable()) {
                throw new ZbiFailure("incomplete image: " + b.reason());
            }
        }
        if (request.jsonOutput != null) {
            ZbiJson.write(Path.of(request.jsonOutput), image);
        }
        int status = 0;
        if (request.list || request.verbose) {
            ZbiToolListing.Result listing =
                    ZbiToolListing.render(image, ZbiToolListing.Naming.TOOL_2020, request.verbose);
            listing.stderr().forEach(err::println);
            listing.stdout().forEach(out::println);
            status = listing.exitCode();
        }
        if (request.extract) {
            ZbiExtraction x = new ZbiExtraction(
                    image,
                    patterns,
                    Path.of(request.outputDir == null ? "." : request.outputDir),
                    request.output == null ? null : Path.of(request.output));
            if (request.extractItems) {
                x.items(request.extractRaw);
            } else {
                x.bootfsFiles();
            }
            checked = x.checked();
            matched = x.matched();
        }
        if (status != 0) {
            return status;
        }
        return summary(checked, matched);
    }

    /** The reference tool's pattern summary: an error when nothing was tested or matched, a count with -v. */
    private int summary(int checked, int matched) throws ZbiFailure {
        if (patterns.selectsAll()) {
            return 0;
        }
        String items = request.extractItems ? "boot items" : "BOOTFS files";
        if (checked == 0) {
            throw new ZbiFailure("no " + items);
        }
        if (matched == 0) {
            throw new ZbiFailure("no matching " + items);
        }
        if (request.verbose) {
            out.println((request.extract ? "extracted " : "matched ") + matched + " of " + checked + " " + items);
        }
        return 0;
    }
}
