package dev.bootsplice.format;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The shared corpus as the reader tests see it: images, their oracle listings and file hashes. */
final class ReaderCorpus {
    /** Bare BOOTFS images have no oracle of their own; they are the payloads of these ZBIs. */
    private static final Map<String, String> BARE_TWINS = Map.of(
            "zbi-tool-2020_bootfs-dir", "zbi-tool-2020_bootfs-dir-uncompressed",
            "zbi-tool-2020_bootfs-uncompressed", "zbi-tool-2020_bootfs-uncompressed");

    static final Pattern ITEM_LINE = Pattern.compile("^([0-9a-f]{8}): ([0-9a-f]{8}) (.*)$");
    static final Pattern CRC_LINE = Pattern.compile("^        :          MAGIC=b5781729 (?:CRC=([0-9a-f]{8})|NO CRC)$");
    static final Pattern DIRENT_LINE =
            Pattern.compile("^        : ([0-9a-f]{8}) ([0-9a-f]{8}) ((?:\\[ERROR: [^\\]]*\\] )*)(.*)$");
    static final Pattern CRC_ERROR = Pattern.compile("^error: CRC ([0-9a-f]{8}) does not match header$");

    private ReaderCorpus() {}

    /** Returns the corpus root, or null when it is missing. */
    static Path rootOrNull() {
        Path root = Path.of(System.getProperty("bootsplice.corpus", "../../shared/corpus"));
        return Files.isDirectory(root) ? root : null;
    }

    /** Returns the corpus root, skipping the calling test when it is missing. */
    static Path root() {
        Path root = Path.of(System.getProperty("bootsplice.corpus", "../../shared/corpus"));
        assumeTrue(Files.isDirectory(root), "shared corpus not found at " + root + " (clone without ../shared)");
        return root;
    }

    /** Returns every *.zbi and *.bootfs image, sorted; a single null when the corpus is missing (the test skips). */
    static Stream<Path> images() {
        Path root = rootOrNull();
        if (root == null) {
            return Stream.of((Path) null);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk
                    .filter(p -> p.toString().endsWith(".zbi") || p.toString().endsWith(".bootfs"))
                    .filter(p -> !p.startsWith(root.resolve("expected")))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the oracle key {@code DIR_NAME} of an image (for bare BOOTFS images: of its ZBI twin). */
    static String oracleKey(Path image) {
        String file = image.getFileName().toString();
        String key = image.getParent().getFileName() + "_" + file.substring(0, file.lastIndexOf('.'));
        return file.endsWith(".bootfs") ? BARE_TWINS.get(key) : key;
    }

    /** Returns the lines of {@code expected/KEY.list.txt}. */
    static List<String> listing(Path image) {
        return lines(root().resolve("expected").resolve(oracleKey(image) + ".list.txt"));
    }

    /** Returns name → sha256 of {@code expected/KEY.files.sha256}, or null when the tool extracted nothing. */
    static Map<String, String> fileHashes(Path image) {
        Path file = root().resolve("expected").resolve(oracleKey(image) + ".files.sha256");
        if (!Files.exists(file)) {
            return null;
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String line : lines(file)) {
            hashes.put(line.substring(66), line.substring(0, 64));
        }
        return hashes;
    }

    /** One BOOTFS dirent line of an oracle listing. */
    record OracleDirent(long offset, long size, String tags, String name) {}

    /** One item of an oracle listing with the dirent lines under it. */
    record OracleItem(
            long offset, long length, String type, String crc, List<OracleDirent> dirents, List<String> words) {}

    /** Parses the item, CRC and dirent lines of an oracle listing. */
    static List<OracleItem> items(List<String> lines) {
        List<OracleItem> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ITEM_LINE.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            Matcher crc = CRC_LINE.matcher(lines.get(++i));
            if (!crc.matches()) {
                throw new IllegalStateException("no MAGIC line after " + lines.get(i - 1));
            }
            List<OracleDirent> dirents = new ArrayList<>();
            List<String> words = new ArrayList<>();
            while (i + 1 < lines.size() && lines.get(i + 1).startsWith("        : ")) {
                String line = lines.get(++i);
                Matcher d = DIRENT_LINE.matcher(line);
                if (d.matches() && m.group(3).startsWith("BOOTFS")) {
                    dirents.add(new OracleDirent(
                            Long.parseLong(d.group(1), 16), Long.parseLong(d.group(2), 16), d.group(3), d.group(4)));
                } else {
                    words.add(line.substring(10));
                }
            }
            items.add(new OracleItem(
                    Long.parseLong(m.group(1), 16),
                    Long.parseLong(m.group(2), 16),
                    m.group(3),
                    crc.group(1),
                    dirents,
                    words));
        }
        return items;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
