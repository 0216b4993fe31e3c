package dev.bootsplice.cli.zbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bootsplice.format.Bootfs;
import dev.bootsplice.format.BootfsEntry;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares what the reference tool and {@code bootsplice zbi} wrote: images item by item after decompression
 * (BOOTFS directories entry by entry), other files byte for byte, depfiles as sets of inputs, JSON outputs
 * except for the 2020 tool's documented pre-compression {@code size}/{@code crc32} (spec §4.6, §4.9).
 */
final class ImageComparison {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageComparison() {}

    /** Asserts that the two folders hold the same files, compared by kind (image, depfile, JSON, other). */
    static void assertSameOutputs(Path reference, Path ours) throws Exception {
        assertThat(relativeFiles(ours)).as("files written").isEqualTo(relativeFiles(reference));
        for (String name : relativeFiles(reference)) {
            Path r = reference.resolve(name);
            Path o = ours.resolve(name);
            if (name.endsWith(".d")) {
                assertThat(depInputs(o, ours)).as(name).isEqualTo(depInputs(r, reference));
            } else if (name.endsWith(".json") && Files.readString(r).startsWith("[")) {
                assertThat(comparableJson(o)).as(name).isEqualTo(comparableJson(r));
            } else if (isZbi(r)) {
                assertSameItems(r, o);
            } else {
                assertThat(Files.readAllBytes(o)).as(name).isEqualTo(Files.readAllBytes(r));
            }
        }
    }

    private static Set<String> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static boolean isZbi(Path file) throws IOException {
        byte[] head = new byte[4];
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, 4) == 4 && ByteBuffer.wrap(head).getInt() == 0x424f4f54;
        }
    }

    /** Asserts equal item types, flags, payloads after decompression and BOOTFS directories. */
    static void assertSameItems(Path reference, Path ours) throws Exception {
        try (ZbiImage r = ZbiImage.open(reference);
                ZbiImage o = ZbiImage.open(ours)) {
            assertThat(o.items()).as("items of " + ours).hasSameSizeAs(r.items());
            for (int i = 0; i < r.items().size(); i++) {
                ZbiItem ri = r.items().get(i);
                ZbiItem oi = o.items().get(i);
                String what = ours + " item " + i;
                assertThat(oi.type()).as(what).isEqualTo(ri.type());
                assertThat(oi.flags()).as(what + " flags").isEqualTo(ri.flags());
                if (ri.crcStatus() != dev.bootsplice.format.CrcStatus.MISMATCH) {
                    assertThat(oi.crcStatus()).as(what + " CRC").isNotEqualTo(dev.bootsplice.format.CrcStatus.MISMATCH);
                }
                assertThat(oi.payload()).as(what + " payload").isEqualTo(ri.payload());
                if (ri.type().equals(dev.bootsplice.format.ItemType.BOOTFS)) {
                    assertThat(entries(oi)).as(what + " BOOTFS directory").isEqualTo(entries(ri));
                }
            }
        }
    }

    private static List<String> entries(ZbiItem item) throws Exception {
        List<String> out = new ArrayList<>();
        for (BootfsEntry e : Bootfs.parse(item.payload()).entries()) {
            out.add(e.name() + " " + e.dataOffset() + " " + e.dataLength());
        }
        return out;
    }

    /** Returns the inputs after the colon, relative to the folder the run wrote into where they lie below it. */
    private static Set<String> depInputs(Path depfile, Path dir) throws IOException {
        String text = Files.readString(depfile).trim();
        Set<String> inputs = new TreeSet<>();
        for (String token : text.substring(text.indexOf(':') + 1).trim().split(" +")) {
            inputs.add(Path.of(token).normalize().toString());
        }
        return inputs;
    }

    /** JSON without the values the 2020 tool reports before compression: size and crc32 of storage items. */
    private static JsonNode comparableJson(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        for (JsonNode item : (ArrayNode) root) {
            String type = item.path("type").asText();
            if (type.equals("BOOTFS") || type.equals("RAMDISK")) {
                ((ObjectNode) item).remove(List.of("size", "crc32", "uncompressed_size"));
            }
        }
        return root;
    }
}
