package dev.bootsplice.splice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.format.Bootfs;
import dev.bootsplice.format.BootfsEntry;
import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.testing.TestImages;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One contract for every strategy, run over strategy × adversarial image. */
class SpliceContractTest {

    /** An image under test and the BOOTFS directory it holds. */
    record Fixture(String label, byte[] bytes) {
        ZbiImage open() throws Exception {
            return TestImages.image(bytes, label);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> cases() throws Exception {
        Map<String, byte[]> files = TestImages.adversarialFiles();
        Map<String, byte[]> onlyEmpty = new LinkedHashMap<>();
        onlyEmpty.put("a", new byte[0]);
        onlyEmpty.put("b", new byte[0]);
        Map<String, byte[]> single = Map.of("bin/x", new byte[] {1});
        List<Fixture> fixtures = List.of(
                new Fixture("adversarial.bootfs", array(TestImages.bootfs(files))),
                new Fixture("adversarial-zstd.zbi", TestImages.zbi(files, Compression.DEFAULT)),
                new Fixture("adversarial-raw.zbi", TestImages.zbi(files, Compression.parse("none"))),
                new Fixture("only-empty.bootfs", array(TestImages.bootfs(onlyEmpty))),
                new Fixture("one-byte.zbi", TestImages.zbi(single, Compression.parse("lz4f"))));
        List<Arguments> args = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            for (Fixture f : fixtures) {
                args.add(Arguments.of(s, f));
            }
        }
        return args.stream();
    }

    private static byte[] array(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    private static Bootfs bootfsOf(ZbiImage image) throws Exception {
        return Bootfs.parse(image.firstBootfs().orElseThrow().payload());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void everyFileVmoReadsExactlyTheFilesBytes(Strategy strategy, Fixture fixture) throws Exception {
        ZbiImage image = fixture.open();
        Bootfs bootfs = bootfsOf(image);
        SpliceResult result = Splicer.splice(image, strategy, ProgressListener.NONE);
        for (BootfsEntry e : bootfs.entries()) {
            ByteBuffer expected = bootfs.content(e);
            byte[] want = new byte[expected.remaining()];
            expected.get(want);
            assertThat(result.readFile(e.name())).as(e.name()).isEqualTo(want);
            assertThat(result.contentSize(e.name())).as(e.name()).isEqualTo(e.dataLength());
            String owner = result.files().stream()
                    .filter(f -> f.name().equals(e.name()))
                    .findFirst()
                    .orElseThrow()
                    .sharesRangeWith();
            boolean shared = owner != null && strategy == Strategy.TRANSFER;
            assertThat(result.vmoName(e.name())).as("VMO name").isEqualTo(shared ? owner : e.name());
        }
        result.kernel().checkInvariants();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void rowsDescribeEveryFileInDirectoryOrderWithPageRoundedSizes(Strategy strategy, Fixture fixture)
            throws Exception {
        ZbiImage image = fixture.open();
        List<BootfsEntry> entries = bootfsOf(image).entries();
        List<SplicedFile> rows =
                Splicer.splice(image, strategy, ProgressListener.NONE).files();
        assertThat(rows)
                .extracting(SplicedFile::name)
                .containsExactlyElementsOf(
                        entries.stream().map(BootfsEntry::name).toList());
        for (int i = 0; i < rows.size(); i++) {
            long pages = (entries.get(i).dataLength() + 4095) / 4096;
            assertThat(rows.get(i).pages()).as(rows.get(i).name()).isEqualTo(pages);
            assertThat(rows.get(i).size()).isEqualTo(pages * 4096);
            if (pages == 0) {
                assertThat(rows.get(i).ownedPages()).isZero();
                assertThat(rows.get(i).depth()).isZero();
            }
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void filesOfOneRangeNameTheirFirstFileAndShareAVmoOnlyUnderTransfer(Strategy strategy, Fixture fixture)
            throws Exception {
        ZbiImage image = fixture.open();
        Map<String, BootfsEntry> firstByRange = new LinkedHashMap<>();
        Map<String, String> expectedShare = new LinkedHashMap<>();
        for (BootfsEntry e : bootfsOf(image).entries()) {
            String key = e.dataOffset() + "+" + e.pageAlignedLength();
            BootfsEntry first = firstByRange.putIfAbsent(key, e);
            expectedShare.put(e.name(), first == null ? null : first.name());
        }
        SpliceResult result = Splicer.splice(image, strategy, ProgressListener.NONE);
        for (SplicedFile f : result.files()) {
            assertThat(f.sharesRangeWith()).as(f.name()).isEqualTo(expectedShare.get(f.name()));
        }
        long perFile = strategy == Strategy.TRANSFER ? firstByRange.size() : expectedShare.size();
        assertThat(result.summary().vmos())
                .as("transfer: one VMO per distinct range; clone, copy: one per file; plus the BOOTFS root")
                .isEqualTo(perFile + 1L);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void pageCountersMatchTheStrategy(Strategy strategy, Fixture fixture) throws Exception {
        ZbiImage image = fixture.open();
        long distinctPages = distinctFilePages(bootfsOf(image).entries());
        SpliceSummary s = Splicer.splice(image, strategy, ProgressListener.NONE).summary();
        switch (strategy) {
            case TRANSFER -> {
                assertThat(s.pagesMoved()).isEqualTo(distinctPages);
                assertThat(s.pagesCopied()).isZero();
                assertThat(s.maxDepth()).isZero();
            }
            case COPY -> {
                long allPages = bootfsOf(image).entries().stream()
                        .mapToLong(e -> e.pageAlignedLength() / 4096)
                        .sum();
                assertThat(s.pagesCopied())
                        .as("every file copied, shared ranges once per name")
                        .isEqualTo(allPages);
                assertThat(s.pagesZeroed()).isEqualTo(allPages);
                assertThat(s.pagesMoved()).isZero();
                assertThat(s.maxDepth()).isZero();
            }
            case CLONE, CLONE_SHARECOUNT -> {
                assertThat(s.pagesCopied())
                        .as(
                                "setting ZX_PROP_VMO_CONTENT_SIZE zeroes each file's partial last page in its clone: one fork each")
                        .isEqualTo(partialTails(bootfsOf(image).entries()));
                assertThat(s.pagesMoved()).isZero();
                assertThat(s.pagesZeroed()).isZero();
            }
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void replayingTraceAllReadsEveryPageOfEveryFileOnce(Strategy strategy, Fixture fixture) throws Exception {
        ZbiImage image = fixture.open();
        long filePages = bootfsOf(image).entries().stream()
                .mapToLong(e -> (e.dataLength() + 4095) / 4096)
                .sum();
        SpliceResult result = Splicer.splice(image, strategy, ProgressListener.NONE);
        HopDistribution hops = result.replay(Trace.all(), ProgressListener.NONE).hops();
        assertThat(hops.accesses()).isEqualTo(filePages);
        if (strategy == Strategy.COPY || strategy == Strategy.TRANSFER) {
            assertThat(hops.total()).isZero();
        } else {
            assertThat(hops.count(0))
                    .as("a clone owns only its forked partial last page")
                    .isEqualTo(partialTails(bootfsOf(image).entries()));
        }
        if (strategy == Strategy.CLONE_SHARECOUNT) {
            assertThat(hops.max()).isLessThanOrEqualTo(1);
        }
        result.kernel().checkInvariants();
    }

    /** Files whose last page is partial: the pages a clone forks when its content size is set. */
    static long partialTails(List<BootfsEntry> entries) {
        return entries.stream().filter(e -> e.dataLength() % 4096 != 0).count();
    }

    static long distinctFilePages(List<BootfsEntry> entries) {
        Set<String> seen = new HashSet<>();
        long pages = 0;
        for (BootfsEntry e : entries) {
            if (seen.add(e.dataOffset() + "+" + e.pageAlignedLength())) {
                pages += e.pageAlignedLength() / 4096;
            }
        }
        return pages;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void theTreeShowsTheBootfsRootAndEveryFileVmo(Strategy strategy, Fixture fixture) throws Exception {
        SpliceResult result = Splicer.splice(fixture.open(), strategy, ProgressListener.NONE);
        String tree = result.describeTree();
        assertThat(tree).contains("\"uncompressed-bootfs\"");
        for (SplicedFile f : result.files()) {
            if (f.sharesRangeWith() == null) {
                assertThat(tree).contains("\"" + f.name() + "\"");
            }
        }
        assertThat(result.toDot()).startsWith("digraph");
    }
}
