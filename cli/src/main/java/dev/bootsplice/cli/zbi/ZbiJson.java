package dev.bootsplice.cli.zbi;

import dev.bootsplice.format.AtomicFiles;
import dev.bootsplice.format.Bootfs;
import dev.bootsplice.format.BootfsEntry;
import dev.bootsplice.format.ItemType;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The reference tool's {@code --json-output} (spec §4.6) in the 2020 tool's shape: an array with one object per
 * item ({@code type}, {@code size}, {@code flags}, {@code crc32} when the item has one, {@code contents}),
 * rapidjson's pretty layout, no trailing newline. Two deliberate differences from the 2020 tool: {@code size} and
 * {@code crc32} of a compressed item are the values written (the tool reported the uncompressed ones), and a
 * compressed storage item also carries {@code uncompressed_size}, as the newest tool writes it. Kernel items
 * have no {@code contents} (the newest tool's {@code entry}/{@code reserve_memory_size} are not in the 2020 shape).
 */
public final class ZbiJson {
    private final StringBuilder s = new StringBuilder();

    private ZbiJson() {}

    /**
     * Writes the description of {@code image}'s items to {@code file} atomically.
     *
     * @throws IOException when it cannot be written
     * @throws ZbiFormatException when an item cannot be decompressed for its contents
     */
    public static void write(Path file, ZbiImage image) throws IOException, ZbiFormatException {
        byte[] text = of(image).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, true, out -> out.write(text));
    }

    /**
     * Returns the JSON text describing {@code image}'s items.
     *
     * @throws ZbiFormatException when an item cannot be decompressed for its contents
     */
    public static String of(ZbiImage image) throws ZbiFormatException {
        ZbiJson json = new ZbiJson();
        if (image.items().isEmpty()) {
            return "[]";
        }
        json.s.append('[');
        String sep = "\n";
        for (ZbiItem item : image.items()) {
            json.s.append(sep).append("    {");
            json.item(item);
            json.s.append("\n    }");
            sep = ",\n";
        }
        return json.s.append("\n]").toString();
    }

    private void item(ZbiItem item) throws ZbiFormatException {
        ItemType type = item.type();
        member(8, "type", type.name() != null ? quote(type.name()) : Long.toString(type.code() & 0xffffffffL), true);
        member(8, "size", Long.toString(item.length()), false);
        if (item.isCompressed()) {
            member(8, "uncompressed_size", Long.toString(item.extra()), false);
        }
        member(8, "flags", Long.toString(item.flags() & 0xffffffffL), false);
        if (item.hasCrc32()) {
            member(8, "crc32", Long.toString(item.computeCrc32() & 0xffffffffL), false);
        }
        if (item.length() > 0) {
            contents(item);
        }
    }

    private void contents(ZbiItem item) throws ZbiFormatException {
        ItemType type = item.type();
        if (type.equals(ItemType.BOOTFS)) {
            bootfs(Bootfs.parse(item.payload()));
        } else if (type.extension().equals(".txt")) {
            ByteBuffer p = item.payload();
            byte[] b = new byte[p.remaining()];
            p.get(b);
            member(8, "contents", quote(new String(b, StandardCharsets.UTF_8)), false);
        }
    }

    private void bootfs(Bootfs bootfs) {
        if (bootfs.entries().isEmpty()) {
            member(8, "contents", "[]", false);
            return;
        }
        s.append(",\n        \"contents\": [");
        String sep = "\n";
        for (BootfsEntry e : bootfs.entries()) {
            s.append(sep).append("            {");
            member(16, "name", quote(e.name()), true);
            member(16, "offset", Long.toString(e.dataOffset()), false);
            member(16, "length", Long.toString(e.dataLength()), false);
            member(16, "size", Long.toString(e.pageAlignedLength()), false);
            s.append("\n            }");
            sep = ",\n";
        }
        s.append("\n        ]");
    }

    private void member(int indent, String key, String value, boolean first) {
        s.append(first ? "\n" : ",\n")
                .append(" ".repeat(indent))
                .append(quote(key))
                .append(": ")
                .append(value);
    }

    /** Quotes like rapidjson: {@code \"}, {@code \\}, short escapes for b f n r t, {@code \\u00XX} other controls. */
    static String quote(String text) {
        StringBuilder q = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\b' -> q.append("\\b");
                case '\f' -> q.append("\\f");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04X", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
