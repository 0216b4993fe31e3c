package dev.bootsplice.cli;

import dev.bootsplice.format.Bootfs;
import dev.bootsplice.format.BootfsEntry;
import dev.bootsplice.format.ItemType;
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
 * One {@code extract} run: walks the image, writes through a {@link SafeExtractor}, reports each refused
 * name on stderr in the one-line form, and counts what it did for the summary.
 */
final class Extraction {
    /** A BOOTFS data range; entries with equal ranges share their data. */
    private record Range(long offset, long length) {
    }

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
    private boolean failed;
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
            if (item.type().equals(ItemType.BOOTFS)) {
                anyBootfs = true;
                bootfsFiles(item);
            }
        }
        if (!anyBootfs) {
            report("no BOOTFS item to extract files from");
        } else if (!filter.selectsAll() && candidates == 0) {
            report("no matching BOOTFS files");
        }
    }

    private void bootfsFiles(ZbiItem item) {
        Bootfs bootfs;
        try {
            bootfs = Bootfs.parse(item.payload());
        } catch (ZbiFormatException e) {
            err.println("bootsplice: " + imagePath + ": "
                    + IoMessages.printable(IoMessages.stripClassNames(e.inItem(item.index(), item.type()).getMessage())));
            failed = true;
            return;
        }
        long total = bootfs.entries().stream().filter(e -> filter.selects(e.name())).mapToLong(BootfsEntry::dataLength).sum();
        Map<Range, Path> written = new HashMap<>();
        try (ProgressBar bar = ProgressBar.onTerminal(err, "extract", total)) {
            for (BootfsEntry e : bootfs.entries()) {
                if (!filter.selects(e.name())) {
                    continue;
                }
                candidates++;
                extractFile(item, bootfs, e, written);
                bar.advance(e.dataLength());
            }
        }
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
            refused++;
            failed = true;
            err.println("bootsplice: " + imagePath + ": item " + item.index() + " (" + item.type().shortName() + ") at 0x"
                    + Long.toHexString(e.direntOffset()) + ": entry \"" + IoMessages.printable(e.name()) + "\": not extracted: "
                    + IoMessages.printable(r.reason()));
        } catch (IOException x) {
            failed = true;
            err.println("bootsplice: " + IoMessages.describe(extractor.root().resolve(e.name()), x));
        }
    }

    /** Writes each item as a one-item ZBI ({@code items}) and/or its decompressed payload ({@code raw}). */
    void items(boolean asZbi, boolean raw) {
        for (ZbiItem item : image.items()) {
            String stem = String.format("%03d.%s", item.index() + 1, typeStem(item.type()));
            if (asZbi) {
                writeItem(item, stem + ".zbi", true);
            }
            if (raw) {
                writeItem(item, stem + ".bin", false);
            }
        }
        if (!filter.selectsAll() && candidates == 0) {
            report("no matching boot items");
        }
    }

    private void writeItem(ZbiItem item, String name, boolean asZbi) {
        if (!filter.selects(name)) {
            return;
        }
        candidates++;
        String where = imagePath + ": item " + item.index() + " (" + item.type().shortName() + ") at 0x"
                + Long.toHexString(item.offset()) + ": ";
        try {
            ByteBuffer content = asZbi ? ByteBuffer.wrap(new ZbiWriter().copyItem(item).toBytes()) : item.payload();
            extractor.write(name, content);
            files++;
            bytes += content.remaining();
        } catch (ZbiFormatException e) {
            failed = true;
            err.println("bootsplice: " + imagePath + ": " + IoMessages.stripClassNames(e.getMessage()));
        } catch (ExtractionRefused r) {
            refused++;
            failed = true;
            err.println("bootsplice: " + where + "\"" + name + "\" not written: " + r.reason());
        } catch (UsageException | IOException e) {
            failed = true;
            err.println("bootsplice: " + where + IoMessages.stripClassNames(String.valueOf(e.getMessage())));
        }
    }

    /** Returns the lowercased canonical type name, or the code as {@code %08x} for a nameless type (spec §4.7). */
    static String typeStem(ItemType type) {
        return type.name() != null ? type.name().toLowerCase(Locale.ROOT) : String.format("%08x", type.code());
    }

    private void report(String reason) {
        err.println("bootsplice: " + imagePath + ": " + reason);
        failed = true;
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
            s.append(", ").append(copies).append(copies == 1 ? " copy" : " copies").append(" of shared ranges");
        }
        s.append(") to ").append(output);
        if (refused > 0) {
            s.append("; ").append(refused).append(" refused");
        }
        return s.toString();
    }
}
