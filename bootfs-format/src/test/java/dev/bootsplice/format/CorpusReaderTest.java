package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus image read with the reader API agrees with the reference tool's oracle listing and hashes. */
class CorpusReaderTest {

    static Stream<Path> images() {
        return ReaderCorpus.images();
    }

    private static Path require(Path image) {
        assumeTrue(image != null, "shared corpus not found at " + ReaderCorpus.root() + " (clone without ../shared)");
        return image;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void itemsTypesLengthsAndCrcsMatchTheOracle(Path path) throws Exception {
        require(path);
        List<String> oracle = ReaderCorpus.listing(path);
        try (ZbiImage image = ZbiImage.open(path)) {
            if (image.isBareBootfs()) {
                assertThat(image.items()).singleElement().satisfies(i -> {
                    assertThat(i.type()).isEqualTo(ItemType.BOOTFS);
                    assertThat(i.offset()).isZero();
                    assertThat(i.crcStatus()).isEqualTo(CrcStatus.NONE);
                });
                return;
            }
            List<ReaderCorpus.OracleItem> expected = ReaderCorpus.items(oracle);
            assertThat(image.items()).hasSameSizeAs(expected);
            List<String> mismatches = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                ZbiItem item = image.items().get(i);
                ReaderCorpus.OracleItem want = expected.get(i);
                assertThat(item.offset()).as("offset of item %d", i).isEqualTo(want.offset());
                assertThat(item.length()).as("length of item %d", i).isEqualTo(want.length());
                assertThat(want.type())
                        .as("type of item %d", i)
                        .startsWith(
                                want.type().startsWith("UNKNOWN")
                                        ? "UNKNOWN (type="
                                                + String.format(
                                                        "%08x", item.type().code())
                                        : item.type().name());
                assertThat(item.hasCrc32()).isEqualTo(want.crc() != null);
                if (item.hasCrc32()) {
                    assertThat(String.format("%08x", item.computeCrc32())).isEqualTo(want.crc());
                }
                if (item.crcStatus() == CrcStatus.MISMATCH) {
                    mismatches.add(String.format("error: CRC %08x does not match header", item.computeCrc32()));
                }
            }
            assertThat(mismatches)
                    .isEqualTo(oracle.stream()
                            .filter(l -> l.startsWith("error: CRC"))
                            .toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void bootfsEntriesMatchTheOracleWithBothParsers(Path path) throws Exception {
        require(path);
        List<ReaderCorpus.OracleItem> expected = ReaderCorpus.items(ReaderCorpus.listing(path));
        try (ZbiImage image = ZbiImage.open(path)) {
            for (ZbiItem item : image.items()) {
                if (!item.type().equals(ItemType.BOOTFS)) {
                    continue;
                }
                List<ReaderCorpus.OracleDirent> want = image.isBareBootfs()
                        ? expected.get(0).dirents()
                        : expected.get(item.index()).dirents();
                Bootfs full = Bootfs.parse(item.payload());
                Bootfs dir = Bootfs.parseDirectory(item);
                assertThat(summary(full.entries())).isEqualTo(summary(want)).isEqualTo(summary(dir.entries()));
                assertThat(dir.dirsize()).isEqualTo(full.dirsize());
                assertThat(dir.capacity()).isEqualTo(full.capacity()).isEqualTo(item.uncompressedSize());
                assertThat(full.warnings().stream()
                                .filter(p -> p.reason().equals(BootfsWarnings.F12))
                                .map(Problem::entry))
                        .as("tool rule F12 warnings are the oracle's [ERROR: offset+size too large] tags")
                        .containsExactlyElementsOf(want.stream()
                                .filter(d -> !d.tags().isEmpty())
                                .map(ReaderCorpus.OracleDirent::name)
                                .toList());
            }
        }
    }

    /** Images whose files the tool extracted (it refuses BOOTFS images with an empty last file, spec §4.9). */
    static Stream<Path> extractedImages() {
        return ReaderCorpus.images().filter(p -> p == null || ReaderCorpus.fileHashes(p) != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extractedImages")
    void fileContentsHashLikeTheToolsExtraction(Path path) throws Exception {
        require(path);
        Map<String, String> want = ReaderCorpus.fileHashes(path);
        try (ZbiImage image = ZbiImage.open(path)) {
            Optional<ZbiItem> item = image.firstBootfs();
            assertThat(item).isPresent();
            Bootfs bootfs = Bootfs.parseDirectory(item.get()).withContent(item.get());
            Map<String, String> got = new LinkedHashMap<>();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (BootfsEntry e : bootfs.entries()) {
                sha.update(bootfs.content(e));
                got.put(e.name(), HexFormat.of().formatHex(sha.digest()));
            }
            assertThat(got).containsExactlyInAnyOrderEntriesOf(want);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void everyCompressedItemDecompressesToExactlyExtraBytes(Path path) throws Exception {
        require(path);
        try (ZbiImage image = ZbiImage.open(path)) {
            for (ZbiItem item : image.items()) {
                ByteBuffer payload = item.payload();
                assertThat((long) payload.remaining()).isEqualTo(item.uncompressedSize());
                assertThat(item.codec().isPresent()).isEqualTo(item.isCompressed());
            }
        }
    }

    private static List<String> summary(List<?> entries) {
        List<String> out = new ArrayList<>();
        for (Object o : entries) {
            if (o instanceof BootfsEntry e) {
                out.add(String.format("%08x %08x %s", e.dataOffset(), e.dataLength(), e.name()));
            } else if (o instanceof ReaderCorpus.OracleDirent d) {
                out.add(String.format("%08x %08x %s", d.offset(), d.size(), d.name()));
            }
        }
        return out;
    }
}
