package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bootsplice.format.ItemType;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNKNOWN_LINE =
            Pattern.compile("^([0-9a-f]{8}): ([0-9a-f]{8}) UNKNOWN \\(type=([0-9a-f]{8})\\)$");

    @TempDir
    Path tmp;

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void textListingShowsTheItemTableAndEveryBootfsFile() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        Cli.Result r = Cli.run("list", image.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0))
                .startsWith(image + ": ZBI, " + Files.size(image) + " bytes, 2 items, not bootable: ")
                .doesNotEndWith("not bootable: ");
        assertThat(lines.get(1))
                .startsWith("#  OFFSET      TYPE")
                .contains("CRC32")
                .contains("COMPRESSION");
        assertThat(lines.get(2))
                .matches("0  0x00000020  BOOTFS\\s+\\d+\\s+\\d+  0x00030001  ok 0x[0-9a-f]{8}\\s+zstd -> \\d+ bytes");
        assertThat(lines.get(3)).matches("1  0x[0-9a-f]{8}  CMDLINE\\s+15\\s+0  0x00030000  ok 0x[0-9a-f]{8}\\s+-");
        assertThat(r.out())
                .contains("item 0 BOOTFS: 5 files")
                .contains("bin/app-copy")
                .contains("lib/sub/big.bin");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonHasExactlyTheDocumentedFields() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        Cli.Result r = Cli.run("list", image.toString(), "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode root = JSON.readTree(r.out());

        assertThat(fieldNames(root))
                .containsExactly("image", "size", "format", "bootable", "bootableReason", "items", "problems");
        assertThat(root.get("image").asText()).isEqualTo(image.toString());
        assertThat(root.get("size").asLong()).isEqualTo(Files.size(image));
        assertThat(root.get("format").asText()).isEqualTo("zbi");
        assertThat(root.get("bootable").asBoolean()).isFalse();
        assertThat(root.get("bootableReason").asText()).isNotBlank();
        assertThat(root.get("problems")).isEmpty();

        JsonNode bootfs = root.get("items").get(0);
        assertThat(fieldNames(bootfs))
                .containsExactly(
                        "index",
                        "offset",
                        "type",
                        "typeCode",
                        "length",
                        "extra",
                        "flags",
                        "crc32",
                        "compression",
                        "bootfs");
        assertThat(bootfs.get("index").asInt()).isZero();
        assertThat(bootfs.get("offset").asLong()).isEqualTo(32);
        assertThat(bootfs.get("type").asText()).isEqualTo("BOOTFS");
        assertThat(bootfs.get("typeCode").asText()).isEqualTo("0x42534642");
        assertThat(bootfs.get("flags").asText()).isEqualTo("0x00030001");
        assertThat(fieldNames(bootfs.get("crc32"))).containsExactly("status", "stored", "computed");
        assertThat(bootfs.get("crc32").get("status").asText()).isEqualTo("ok");
        assertThat(bootfs.get("crc32").get("computed").asText())
                .isEqualTo(bootfs.get("crc32").get("stored").asText());
        assertThat(bootfs.get("compression").get("codec").asText()).isEqualTo("zstd");
        assertThat(bootfs.get("compression").get("uncompressedSize").asLong())
                .isEqualTo(bootfs.get("extra").asLong());
        assertThat(fieldNames(bootfs.get("bootfs"))).containsExactly("dirsize", "entries");
        List<String> names = new ArrayList<>();
        for (JsonNode e : bootfs.get("bootfs").get("entries")) {
            assertThat(fieldNames(e)).containsExactly("name", "offset", "size");
            names.add(e.get("name").asText());
        }
        assertThat(names).containsExactly("bin/app", "bin/app-copy", "data/empty", "lib/one.txt", "lib/sub/big.bin");
        JsonNode app = bootfs.get("bootfs").get("entries").get(0);
        assertThat(app.get("size").asLong()).isEqualTo(TestImages.smallFiles().get("bin/app").length);
        assertThat(app.get("offset").asLong() % 4096).isZero();
        assertThat(bootfs.get("bootfs").get("entries").get(1).get("offset")).isEqualTo(app.get("offset"));

        JsonNode cmdline = root.get("items").get(1);
        assertThat(cmdline.get("type").asText()).isEqualTo("CMDLINE");
        assertThat(cmdline.get("compression").isNull()).isTrue();
        assertThat(cmdline.get("bootfs").isNull()).isTrue();
    }

    @Test
    void aBareBootfsIsOnePseudoItemAtOffsetZero() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a", "A".getBytes(StandardCharsets.UTF_8));
        Path image = TestImages.writeRawBootfs(tmp.resolve("bare.bootfs"), files);
        JsonNode root =
                JSON.readTree(Cli.run("list", image.toString(), "--json").out());
        assertThat(root.get("format").asText()).isEqualTo("bootfs");
        assertThat(root.get("items")).hasSize(1);
        JsonNode item = root.get("items").get(0);
        assertThat(item.get("index").asInt()).isZero();
        assertThat(item.get("offset").asLong()).isZero();
        assertThat(item.get("type").asText()).isEqualTo("BOOTFS");
        assertThat(item.get("bootfs").get("entries").get(0).get("name").asText())
                .isEqualTo("a");
    }

    @Test
    void aNameWithANewlineCannotForgeATableRow() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a\n0x00009000  999  forged", "A".getBytes(StandardCharsets.UTF_8));
        Path image = TestImages.writeRawBootfs(tmp.resolve("newline.bootfs"), files);
        Cli.Result r = Cli.run("list", image.toString());
        assertThat(r.out()).contains("a\\x0a0x00009000  999  forged").doesNotContain("\n0x00009000");
        JsonNode json =
                JSON.readTree(Cli.run("list", image.toString(), "--json").out());
        assertThat(json.get("items")
                        .get(0)
                        .get("bootfs")
                        .get("entries")
                        .get(0)
                        .get("name")
                        .asText())
                .isEqualTo("a\n0x00009000  999  forged");
    }

    @Test
    void aCrcMismatchIsExit3UnlessCrcsAreNotVerified() throws Exception {
        Path image = corruptCmdline();
        Cli.Result r = Cli.run("list", image.toString(), "--json");
        assertThat(r.exitCode()).isEqualTo(3);
        JsonNode root = JSON.readTree(r.out());
        JsonNode crc = root.get("items").get(1).get("crc32");
        assertThat(crc.get("status").asText()).isEqualTo("mismatch");
        assertThat(crc.get("computed").asText()).isNotEqualTo(crc.get("stored").asText());
        JsonNode problem = root.get("problems").get(0);
        assertThat(fieldNames(problem)).containsExactly("severity", "item", "entry", "offset", "reason");
        assertThat(problem.get("severity").asText()).isEqualTo("error");
        assertThat(problem.get("item").asInt()).isEqualTo(1);
        assertThat(problem.get("entry").isNull()).isTrue();
        assertThat(r.err())
                .startsWith("bootsplice: " + image + ": item 1 (CMDLINE) at 0x")
                .doesNotContain("Exception");
        assertThat(r.err().lines()).hasSize(1);

        Cli.Result unchecked = Cli.run("list", image.toString(), "--json", "--no-verify-crc");
        assertThat(unchecked.exitCode()).isZero();
        JsonNode crc2 = JSON.readTree(unchecked.out()).get("items").get(1).get("crc32");
        assertThat(crc2.get("status").asText()).isEqualTo("unchecked");
        assertThat(crc2.get("computed").isNull()).isTrue();
    }

    private Path corruptCmdline() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        byte[] bytes = Files.readAllBytes(image);
        long cmdlinePayload;
        try (ZbiImage zbi = ZbiImage.open(image)) {
            cmdlinePayload = zbi.items().get(1).offset() + 32;
        }
        bytes[(int) cmdlinePayload] ^= 0x20;
        return Files.write(tmp.resolve("bad-crc.zbi"), bytes);
    }

    @Test
    void truncatedImageIsExit3WithOneLine() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        Path cut = Files.write(tmp.resolve("cut.zbi"), java.util.Arrays.copyOf(Files.readAllBytes(image), 20));
        Cli.Result r = Cli.run("list", cut.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("bootsplice: " + cut + ": at 0x0: ");
    }

    @Test
    void jsonOfAnImageThatDoesNotOpenIsStillTheDocumentedObject() throws Exception {
        Path junk = Files.write(tmp.resolve("junk.zbi"), new byte[40]);
        Cli.Result r = Cli.run("list", junk.toString(), "--json");
        assertThat(r.exitCode()).isEqualTo(3);
        JsonNode root = JSON.readTree(r.out());
        assertThat(fieldNames(root))
                .containsExactly("image", "size", "format", "bootable", "bootableReason", "items", "problems");
        assertThat(root.get("size").asLong()).isEqualTo(40);
        assertThat(root.get("format").isNull()).isTrue();
        assertThat(root.get("items")).isEmpty();
        assertThat(root.get("problems").get(0).get("severity").asText()).isEqualTo("error");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("bootsplice: " + junk + ": at 0x0: ");
    }

    @Test
    void jsonAndZbiFormatTogetherIsAUsageError() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        assertThat(Cli.run("list", image.toString(), "--json", "--format=zbi").exitCode())
                .isEqualTo(2);
        assertThat(Cli.run("list", image.toString(), "--format=yaml").exitCode())
                .isEqualTo(2);
    }

    @TestFactory
    Stream<DynamicTest> zbiFormatEqualsTheReferenceListingOfEveryCorpusImage() throws Exception {
        Path expected = Corpus.root().resolve("expected");
        List<Path> oracles = new ArrayList<>();
        try (Stream<Path> s = Files.list(expected)) {
            s.filter(p -> p.toString().endsWith(".list.txt")).sorted().forEach(oracles::add);
        }
        assertThat(oracles).hasSizeGreaterThan(20);
        return oracles.stream()
                .map(oracle -> DynamicTest.dynamicTest(oracle.getFileName().toString(), () -> {
                    Path image = Corpus.imageFor(oracle);
                    List<String> lines = new ArrayList<>(Files.readAllLines(oracle));
                    assertThat(lines.remove(lines.size() - 1)).startsWith("exit status: ");
                    List<String> expectedErr =
                            lines.stream().filter(l -> l.startsWith("error:")).toList();
                    List<String> expectedOut = withProjectNaming(
                            image,
                            lines.stream().filter(l -> !l.startsWith("error:")).toList());

                    Cli.Result r = Cli.run("list", "--format=zbi", image.toString());

                    assertThat(r.out().lines().toList()).containsExactlyElementsOf(expectedOut);
                    assertThat(r.err().lines().toList()).containsExactlyElementsOf(expectedErr);
                    // The corpus's only errors are CRC mismatches (F12's [ERROR ...] is a warning for the project).
                    assertThat(r.exitCode()).isEqualTo(expectedErr.isEmpty() ? 0 : 3);
                }));
    }

    /** Applies the documented difference: types the 2020 tool did not know are named, storage ones with size. */
    private static List<String> withProjectNaming(Path image, List<String> lines) throws Exception {
        List<String> result = new ArrayList<>();
        try (ZbiImage zbi = ZbiImage.open(image)) {
            for (String line : lines) {
                Matcher m = UNKNOWN_LINE.matcher(line);
                ItemType type = m.matches() ? ItemType.of((int) Long.parseLong(m.group(3), 16)) : null;
                if (type == null || type.name() == null) {
                    result.add(line);
                    continue;
                }
                long offset = Long.parseLong(m.group(1), 16);
                ZbiItem item = zbi.items().stream()
                        .filter(i -> i.offset() == offset)
                        .findFirst()
                        .orElseThrow();
                result.add(m.group(1) + ": " + m.group(2) + " " + type.name()
                        + (type.isStorage() ? String.format(" (size=%08x)", item.extra()) : ""));
            }
        }
        return result;
    }
}
