package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The compatible listing reproduces the 2020 tool's {@code zbi -t -v} output for every corpus ZBI. */
class ZbiToolListingCorpusTest {
    private static final Pattern UNKNOWN =
            Pattern.compile("^([0-9a-f]{8}): ([0-9a-f]{8}) UNKNOWN \\(type=([0-9a-f]{8})\\)$");

    static Stream<Path> zbis() {
        return ReaderCorpus.images().filter(p -> p == null || p.toString().endsWith(".zbi"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zbis")
    void toolNamingReproducesTheOracleLineForLine(Path path) throws Exception {
        assumeTrue(path != null, "shared corpus not found at " + ReaderCorpus.root() + " (clone without ../shared)");
        try (ZbiImage image = ZbiImage.open(path)) {
            ZbiToolListing.Result result = ZbiToolListing.render(image, ZbiToolListing.Naming.TOOL_2020);
            assertThat(result.oracleLines()).containsExactlyElementsOf(ReaderCorpus.listing(path));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zbis")
    void projectNamingDiffersOnlyByNamingTypesThe2020ToolDidNotKnow(Path path) throws Exception {
        assumeTrue(path != null, "shared corpus not found at " + ReaderCorpus.root() + " (clone without ../shared)");
        try (ZbiImage image = ZbiImage.open(path)) {
            List<String> expected = new ArrayList<>();
            for (String line : ReaderCorpus.listing(path)) {
                expected.add(renamed(image, line));
            }
            assertThat(ZbiToolListing.render(image).oracleLines()).containsExactlyElementsOf(expected);
        }
    }

    @org.junit.jupiter.api.Test
    void storageKernelIsNamedWithItsSizeWhereThe2020ToolSaidUnknown() throws Exception {
        Path path = ReaderCorpus.root().resolve("u-root/zbi-chain-load-hello-world-test.zbi");
        try (ZbiImage image = ZbiImage.open(path)) {
            assertThat(ZbiToolListing.render(image).stdout())
                    .contains("00031b48: 00005f93 KERNEL (size=0000db90)")
                    .doesNotContain("00031b48: 00005f93 UNKNOWN (type=5254534b)");
            assertThat(ZbiToolListing.render(image, ZbiToolListing.Naming.TOOL_2020)
                            .stdout())
                    .contains("00031b48: 00005f93 UNKNOWN (type=5254534b)");
        }
    }

    @org.junit.jupiter.api.Test
    void everyOracleListingHasItsImageInTheCorpus() {
        ReaderCorpus.root();
        List<String> keys = ReaderCorpus.images().map(ReaderCorpus::oracleKey).toList();
        assertThat(keys).hasSize(31);
        try (Stream<Path> oracles = java.nio.file.Files.list(ReaderCorpus.root().resolve("expected"))) {
            assertThat(oracles.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".list.txt"))
                            .map(n -> n.substring(0, n.length() - ".list.txt".length())))
                    .hasSize(29)
                    .allSatisfy(k -> assertThat(keys).contains(k));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Applies the documented difference to one oracle line: a now-named type is named, storage with its size. */
    private static String renamed(ZbiImage image, String line) {
        Matcher m = UNKNOWN.matcher(line);
        if (!m.matches()) {
            return line;
        }
        ItemType type = ItemType.of((int) Long.parseLong(m.group(3), 16));
        if (type.name() == null) {
            return line;
        }
        long offset = Long.parseLong(m.group(1), 16);
        ZbiItem item = image.items().stream()
                .filter(i -> i.offset() == offset)
                .findFirst()
                .orElseThrow();
        String head = m.group(1) + ": " + m.group(2) + " " + type.name();
        return type.isStorage() ? head + String.format(" (size=%08x)", item.extra()) : head;
    }
}
