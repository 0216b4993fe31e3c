package dev.bootsplice.cli.zbi;

import dev.bootsplice.cli.SafeFiles;
import dev.bootsplice.format.AtomicFiles;
import dev.bootsplice.format.Bootfs;
import dev.bootsplice.format.BootfsEntry;
import dev.bootsplice.format.ItemType;
import dev.bootsplice.format.UsageException;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import dev.bootsplice.format.ZbiWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The reference tool's {@code -x}, {@code -X} and {@code -R} (spec §4.7): BOOTFS files under the output folder
 * (a range already written becomes a hard link), or items as {@code NNN.zbi} one-item ZBIs or {@code NNN.bin} /
 * {@code NNN.txt} payloads; with {@code -o FILE}, the one file selected. Names are written only below the
 * folder (the {@code extract} command's guarantees). Unlike the 2020 tool, a final empty file at the end of a
 * BOOTFS is extracted (spec §4.9).
 */
final class ZbiExtraction {
    /** A BOOTFS data range of one item; entries with the same range share their data. */
    private record Range(int item, long offset, long length) {}

    private final ZbiImage image;
    private final Predicate<String> patterns;
    private final Path folder;
    private final Path single;
    private SafeFiles files;
    private int written;
    private int checked;
    private int matched;

    /** Extracts from {@code image} names that {@code patterns} accept, under {@code folder} or to {@code single}. */
    ZbiExtraction(ZbiImage image, Predicate<String> patterns, Path folder, Path single) {
        this.image = image;
        this.patterns = patterns;
        this.folder = folder;
        this.single = single;
    }

    int checked() {
        return checked;
    }

    int matched() {
        return matched;
    }

    /**
     * Writes every selected file of every BOOTFS item.
     *
     * @throws IOException when a file cannot be written or {@code -o} would get a second file
     * @throws ZbiFormatException when a BOOTFS cannot be read
     */
    void bootfsFiles() throws IOException, ZbiFormatException {
        Map<Range, Path> first = new HashMap<>();
        for (ZbiItem item : image.items()) {
            if (!item.type().equals(ItemType.BOOTFS)) {
                continue;
            }
            Bootfs bootfs = Bootfs.parse(item.payload());
            for (BootfsEntry e : bootfs.entries()) {
                checked++;
                if (!patterns.test(e.name())) {
                    continue;
                }
                matched++;
                Range range = e.dataLength() == 0 ? null : new Range(item.index(), e.dataOffset(), e.dataLength());
                Path earlier = range == null || single != null ? null : first.get(range);
                if (earlier != null) {
                    folder().link(e.name(), earlier);
                } else {
                    Path p = write(e.name(), bootfs.content(e));
                    if (range != null) {
                        first.put(range, p);
                    }
                }
            }
        }
    }

    /**
     * Writes every selected item: as a one-item ZBI, or with {@code raw} as its decompressed payload.
     *
     * @throws IOException when a file cannot be written or {@code -o} would get a second file
     * @throws ZbiFormatException when an item cannot be decompressed
     */
    void items(boolean raw) throws IOException, ZbiFormatException {
        for (ZbiItem item : image.items()) {
            String name = String.format(
                    "%03d.%s", item.index() + 1, raw ? item.type().extension().substring(1) : "zbi");
            checked++;
            if (!patterns.test(name)) {
                continue;
            }
            matched++;
            write(name, raw ? rawPayload(item) : ByteBuffer.wrap(oneItemZbi(item)));
        }
    }

    /** The decompressed payload; a CMDLINE's trailing NULs are left out, as the reference tool writes it. */
    private static ByteBuffer rawPayload(ZbiItem item) throws ZbiFormatException {
        ByteBuffer payload = item.payload();
        if (item.type().equals(ItemType.CMDLINE)) {
            int end = payload.limit();
            while (end > payload.position() && payload.get(end - 1) == 0) {
                end--;
            }
            payload = payload.duplicate().limit(end);
        }
        return payload;
    }

    private static byte[] oneItemZbi(ZbiItem item) throws IOException {
        try {
            return new ZbiWriter().copyItem(item).toBytes();
        } catch (UsageException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private Path write(String name, ByteBuffer content) throws IOException {
        if (single == null) {
            return folder().write(name, content);
        }
        if (++written > 1) {
            throw new IOException("--output (-o) cannot write second file " + name);
        }
        AtomicFiles.write(single, true, out -> Channels.newChannel(out).write(content.duplicate()));
        return single;
    }

    private SafeFiles folder() throws IOException {
        if (files == null) {
            files = SafeFiles.under(folder, true);
        }
        return files;
    }
}
