package dev.bootsplice.cli;

import dev.bootsplice.format.Bootfs;
import dev.bootsplice.format.BootfsEntry;
import dev.bootsplice.format.ItemType;
import dev.bootsplice.format.Locations;
import dev.bootsplice.format.UsageException;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import dev.bootsplice.format.ZbiWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code extract} run: walks the image, writes through a {@link SafeExtractor}, reports the first refused
 * names on stderr in the one-line form (and the rest as one count), stops at the first file-system failure,
 * and counts what it did for the summary.
 */
final class Extraction {
    /** Refusals shown one line each; the rest are counted in one line, so an existing tree gives a short report. */
    static final int REFUSALS_SHOWN = 5;
    /**
     * A compressed BOOTFS larger than this share of the heap is decompressed into a temporary file and mapped
     * instead of onto the heap: a 17 KB item may honestly hold 512 MiB of zeros.
     */
    private static final int HEAP_SHARE_DIVISOR = 4;

    /** A BOOTFS data range; entries with equal ranges share their data. */
    private record Range(long offset, long length) {}

    private final Path imagePath;
    private final ZbiImage image;
    private final SafeExtractor extractor;
    private final NameFilter filter;
    private final PrintWriter err;
    private int files;
    private int links;
    private int copies;
    private long bytes;
    private int refused;
    private int existing;
    private boolean failed;
    /** Set by the first file-system failure: nothing more is written. */
    private boolean stopped;

    private int candidates;

    Extraction(Path imagePath, ZbiImage image, SafeExtractor extractor, NameFilter filter, PrintWriter err) {
        this.imagePath = imagePath;
        this.image = image;
        this.extractor = extractor;
        this.filter = filter;
        this.err = err;
    }

    /** Extracts the files of every BOOTFS item; a range written once becomes a hard link for the next name. */
    void bootfsFiles() {
        boolean anyBootfs = false;
        for (ZbiItem item : image.items()) {
            if (item.type().equals(ItemType.BOOTFS) && !stopped) {
                anyBootfs = true;
                bootfsFiles(item);
            }
        }
        if (!anyBootfs) {
            report("no BOOTFS item to extract files from");
        } else if (!filter.selectsAll() && candidates == 0 && !stopped) {
            report("no matching BOOTFS files");
        }
        reportRemainingRefusals();
    }

    private void bootfsFiles(ZbiItem item) {
        Bootfs bootfs;
        try {
            warnOnCrcMismatch(item);
            bootfs = Bootfs.parse(payload(item));
        } catch (ZbiFormatException e) {
            line(
                    e.itemIndex() >= 0
                            ? e.getMessage()
                            : e.inItem(item.index(), item.type()).getMessage());
            failed = true;
            return;
        } catch (IOException e) {
            fileSystemFailure(extractor.root(), e);
            return;
        }
        long total = bootfs.entries().stream()
                .filter(e -> filter.selects(e.name()))
                .mapToLong(BootfsEntry::dataLength)
                .sum();
        Map<Range, Path> written = new HashMap<>();
        try (ProgressBar bar = ProgressBar.onTerminal(err, "extract", total)) {
            for (BootfsEntry e : bootfs.entries()) {
                if (stopped) {
                    return;
                }
                if (filter.selects(e.name())) {
                    candidates++;
                    extractFile(item, bootfs, e, written);
                    bar.advance(e.dataLength());
                }
            }
        }
    }

    /** The decompressed payload: on the heap when it fits comfortably, else mapped from a temporary file. */
    private ByteBuffer payload(ZbiItem item) throws ZbiFormatException, IOException {
        if (item.isCompressed()
                && item.uncompressedSize() > Runtime.getRuntime().maxMemory() / HEAP_SHARE_DIVISOR) {
            return item.payloadInFile(extractor.root());
        }
        return item.payload();
    }

    private void extractFile(ZbiItem item, Bootfs bootfs, BootfsEntry e, Map<Range, Path> written) {
        // Empty files have no data to share: each is written as its own empty file.
        Range key = e.dataLength() == 0 ? null : new Range(e.dataOffset(), e.dataLength());
        try {
            Path first = key == null ? null : written.get(key);
            if (first != null) {
                if (extractor.link(e.name(), first)) {
                    links++;
                } else {
                    copies++;
                }
            } else {
                Path p = extractor.write(e.name(), bootfs.content(e));
                if (key != null) {
                    written.put(key, p);
                }
                files++;
                bytes += e.dataLength();
            }
        } catch (ExtractionRefused r) {
            refuse(Locations.render(item.index(), item.type(), e.direntOffset(), e.name()) + "not extracted: ", r);
        } catch (IOException x) {
            fileSystemFailure(extractor.root().resolve(e.name()), x);
        }
    }

    /** Writes each item as a one-item ZBI ({@code items}) and/or its decompressed payload ({@code raw}). */
    void items(boolean asZbi, boolean raw) {
        for (ZbiItem item : image.items()) {
            String stem = String.format("%03d.%s", item.index() + 1, typeStem(item.type()));
            if (asZbi && !stopped) {
                writeItem(item, stem + ".zbi", true);
            }
            if (raw && !stopped) {
                writeItem(item, stem + ".bin", false);
            }
        }
        if (!filter.selectsAll() && candidates == 0 && !stopped) {
            report("no matching boot items");
        }
        reportRemainingRefusals();
    }

    private void writeItem(ZbiItem item, String name, boolean asZbi) {
        if (!filter.selects(name)) {
            return;
        }
        candidates++;
        String where = Locations.render(item.index(), item.type(), item.offset(), null);
        try {
            if (!asZbi) {
                warnOnCrcMismatch(item);
            }
            ByteBuffer content =
                    asZbi ? ByteBuffer.wrap(new ZbiWriter().copyItem(item).toBytes()) : payload(item);
            extractor.write(name, content);
            files++;
            bytes += content.remaining();
        } catch (ZbiFormatException e) {
            failed = true;
            line(e.getMessage());
        } catch (ExtractionRefused r) {
            refuse(where + "\"" + name + "\" not written: ", r);
        } catch (UsageException e) {
            failed = true;
            line(where + IoMessages.usage(e));
        } catch (IOException e) {
            fileSystemFailure(extractor.root().resolve(name), e);
        }
    }

    /** Warns once per item whose stored CRC does not match the bytes about to be used. */
    private void warnOnCrcMismatch(ZbiItem item) {
        ImageFiles.warnOnCrcMismatch(imagePath, item, "extracting the data anyway", err);
    }

    /** Shows the first {@link #REFUSALS_SHOWN} refusals; counts every one. */
    private void refuse(String where, ExtractionRefused r) {
        refused++;
        failed = true;
        if (r.existingFile()) {
            existing++;
        }
        if (refused <= REFUSALS_SHOWN) {
            line(where + r.reason());
        }
    }

    private void reportRemainingRefusals() {
        int hidden = refused - REFUSALS_SHOWN;
        if (hidden > 0) {
            line(hidden + " more " + (hidden == 1 ? "name" : "names") + " not extracted"
                    + (existing > 0
                            ? "; " + existing + " of the " + refused + " refused names already exist ("
                                    + IoMessages.FORCE_HINT + ")"
                            : ""));
        }
    }

    /**
     * Stops the run at the first file-system failure (no space, read-only, I/O error): one line naming the path,
     * or the image when the failure came from the image shrinking under a write from its mapping.
     */
    private void fileSystemFailure(Path path, IOException e) {
        failed = true;
        stopped = true;
        if (image.shrankSinceOpened()) {
            line(image.readFault().getMessage());
        } else {
            err.println("bootsplice: " + IoMessages.printable(IoMessages.describe(path, e)));
        }
    }

    /** Returns the lowercased canonical type name, or the code as {@code %08x} for a nameless type (spec §4.7). */
    static String typeStem(ItemType type) {
        return type.name() != null ? type.name().toLowerCase(Locale.ROOT) : String.format("%08x", type.code());
    }

    private void report(String reason) {
        line(reason);
        failed = true;
    }

    /** Prints {@code bootsplice: IMAGE: TEXT} as one line. */
    private void line(String text) {
        err.println("bootsplice: " + IoMessages.printable(imagePath + ": " + text));
    }

    /** Returns true when any name was refused or anything failed. */
    boolean failed() {
        return failed;
    }

    /** Returns the one-line summary, e.g. {@code extracted 12 files (2 hard links, 48 KiB) to out}. */
    String summary(Path output) {
        StringBuilder s = new StringBuilder("extracted ").append(files).append(files == 1 ? " file" : " files");
        s.append(" (").append(bytes).append(" bytes");
        if (links > 0) {
            s.append(", ").append(links).append(links == 1 ? " hard link" : " hard links");
        }
        if (copies > 0) {
            s.append(", ")
                    .append(copies)
                    .append(copies == 1 ? " copy" : " copies")
                    .append(" of shared ranges");
        }
        s.append(") to ").append(output);
        if (refused > 0) {
            s.append("; ").append(refused).append(" refused");
        }
        if (stopped) {
            s.append("; stopped at the first write failure");
        }
        return s.toString();
    }
}
