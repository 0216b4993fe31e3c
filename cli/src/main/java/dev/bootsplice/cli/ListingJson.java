package dev.bootsplice.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bootsplice.format.BootfsEntry;
import dev.bootsplice.format.Problem;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The {@code list --json} object of `cli.md`, field by field. */
final class ListingJson {
    private ListingJson() {}

    static ObjectNode of(Path path, ZbiImage image, List<ListedItem> items, List<Problem> problems) {
        ObjectNode root = Json.object();
        root.put("image", path.toString());
        root.put("size", image.size());
        root.put("format", image.isBareBootfs() ? "bootfs" : "zbi");
        root.put("bootable", image.bootability().bootable());
        root.put("bootableReason", image.bootability().reason());
        ArrayNode array = root.putArray("items");
        for (ListedItem listed : items) {
            array.add(item(listed));
        }
        root.set("problems", Json.problems(problems));
        return root;
    }

    /**
     * Returns the object for an image that breaks a container or header rule before any item can be read:
     * no items, format and size as far as known, the rule in {@code problems}.
     */
    static ObjectNode unopened(Path path, Problem problem) {
        ObjectNode root = Json.object();
        root.put("image", path.toString());
        try {
            root.put("size", Files.size(path));
        } catch (IOException e) {
            root.putNull("size");
        }
        root.putNull("format");
        root.put("bootable", false);
        root.put("bootableReason", problem.reason());
        root.putArray("items");
        root.set("problems", Json.problems(List.of(problem)));
        return root;
    }

    private static ObjectNode item(ListedItem listed) {
        ZbiItem item = listed.item();
        ObjectNode o = Json.object();
        o.put("index", item.index());
        o.put("offset", item.offset());
        o.put("type", item.type().name());
        o.put("typeCode", ImageFiles.hex32(item.type().code()));
        o.put("length", item.length());
        o.put("extra", item.extra());
        o.put("flags", ImageFiles.hex32(item.flags()));
        ObjectNode crc = o.putObject("crc32");
        crc.put("status", listed.crcWord());
        crc.put("stored", ImageFiles.hex32(item.storedCrc32()));
        if (listed.crc() != null && item.hasCrc32()) {
            crc.put("computed", ImageFiles.hex32(item.computeCrc32()));
        } else {
            crc.putNull("computed");
        }
        if (item.isCompressed()) {
            ObjectNode c = o.putObject("compression");
            c.put("codec", item.codec().map(codec -> codec.displayName()).orElse(null));
            c.put("uncompressedSize", item.uncompressedSize());
        } else {
            o.putNull("compression");
        }
        if (listed.bootfs() != null) {
            ObjectNode b = o.putObject("bootfs");
            b.put("dirsize", listed.bootfs().dirsize());
            ArrayNode entries = b.putArray("entries");
            for (BootfsEntry e : listed.entries()) {
                entries.addObject()
                        .put("name", e.name())
                        .put("offset", e.dataOffset())
                        .put("size", e.dataLength());
            }
        } else {
            o.putNull("bootfs");
        }
        return o;
    }
}
