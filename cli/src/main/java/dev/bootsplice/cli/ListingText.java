package dev.bootsplice.cli;

import dev.bootsplice.format.Bootability;
import dev.bootsplice.format.BootfsEntry;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The default {@code list} output: a summary line, an item table and a file table per BOOTFS. */
final class ListingText {
    private ListingText() {}

    static void print(Path path, ZbiImage image, List<ListedItem> items, PrintWriter out) {
        Bootability b = image.bootability();
        out.println(IoMessages.printable(path.toString()) + ": " + (image.isBareBootfs() ? "bare BOOTFS" : "ZBI") + ", "
                + image.size() + " bytes, " + items.size() + " item" + (items.size() == 1 ? "" : "s") + ", "
                + (b.bootable() ? "bootable" : "not bootable: " + b.reason()));
        TextTable table =
                new TextTable("", "#>", "OFFSET", "TYPE", "LENGTH>", "EXTRA>", "FLAGS", "CRC32", "COMPRESSION");
        for (ListedItem listed : items) {
            ZbiItem item = listed.item();
            table.row(
                    Integer.toString(item.index()),
                    ImageFiles.hex32(item.offset()),
                    item.type().shortName(),
                    Long.toString(item.length()),
                    Long.toString(item.extra()),
                    ImageFiles.hex32(item.flags()),
                    crc(listed),
                    compression(item));
        }
        table.print(out);
        for (ListedItem listed : items) {
            if (listed.bootfs() != null) {
                printEntries(listed, out);
            }
        }
    }

    private static void printEntries(ListedItem listed, PrintWriter out) {
        List<BootfsEntry> entries = listed.entries();
        out.println();
        out.println("item " + listed.item().index() + " BOOTFS: " + entries.size() + " file"
                + (entries.size() == 1 ? "" : "s") + ", directory "
                + listed.bootfs().dirsize() + " bytes");
        TextTable table = new TextTable("", "OFFSET", "SIZE>", "NAME");
        for (BootfsEntry e : entries) {
            table.row(ImageFiles.hex32(e.dataOffset()), Long.toString(e.dataLength()), IoMessages.printable(e.name()));
        }
        table.print(out);
    }

    private static String crc(ListedItem listed) {
        ZbiItem item = listed.item();
        return switch (listed.crcWord()) {
            case "ok" -> "ok " + ImageFiles.hex32(item.storedCrc32());
            case "mismatch" -> "MISMATCH stored " + ImageFiles.hex32(item.storedCrc32()) + " computed "
                    + ImageFiles.hex32(item.computeCrc32());
            case "unchecked" -> "unchecked " + ImageFiles.hex32(item.storedCrc32());
            default -> "none";
        };
    }

    private static String compression(ZbiItem item) {
        if (!item.isCompressed()) {
            return "-";
        }
        return item.codec().map(c -> c.displayName()).orElse("unknown") + " -> " + item.uncompressedSize() + " bytes";
    }
}
