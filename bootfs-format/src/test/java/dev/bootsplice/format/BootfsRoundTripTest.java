package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BootfsRoundTripTest {
    @Property(tries = 60)
    void readingWhatTheBuilderWroteGivesBackEveryNameAndContent(
            @ForAll("trees") Map<String, byte[]> tree, @ForAll("compressions") String compression) throws Exception {
        BootfsBuilder builder = new BootfsBuilder();
        for (Map.Entry<String, byte[]> e : tree.entrySet()) {
            builder.add(e.getKey(), e.getValue());
        }
        byte[] zbi = new ZbiWriter()
                .addStorageItem(ItemType.BOOTFS, builder, Compression.parse(compression))
                .toBytes();
        try (ZbiImage image = ZbiImage.read(ByteBuffer.wrap(zbi), "property")) {
            assertThat(ImageChecker.check(image, true, false))
                    .filteredOn(p -> p.severity() == Severity.ERROR)
                    .isEmpty();
            // Strict mode adds two expected warnings: LZ4F is read only by the reference tool (S5), and an empty
            // last file sits at data_off == image size as the reference tool places it (F12, spec §2.7).
            assertThat(ImageChecker.check(image, true, true))
                    .extracting(Problem::reason)
                    .allMatch(reason ->
                            (compression.equals("lz4f") && reason.equals("compression not supported by boot loaders"))
                                    || reason.equals("offset+size too large"));
            Bootfs bootfs = Bootfs.parse(image.items().get(0).payload());
            List<String> names =
                    bootfs.entries().stream().map(BootfsEntry::name).toList();
            assertThat(names).containsExactlyElementsOf(sortedLikeTheTool(tree));
            for (BootfsEntry e : bootfs.entries()) {
                assertThat(WriterCorpus.arrayOf(bootfs.content(e))).isEqualTo(tree.get(e.name()));
            }
        }
    }

    @Property(tries = 30)
    void writingTwiceGivesTheSameBytes(@ForAll("trees") Map<String, byte[]> tree) throws Exception {
        assertThat(build(tree)).isEqualTo(build(new TreeMap<>(tree).descendingMap()));
    }

    @Property(tries = 500)
    void theWritersOrderAgreesWithTheCheckersComponentWiseOrder(@ForAll("names") String a, @ForAll("names") String b) {
        assertThat(Integer.signum(BootfsNames.ORDER.compare(a, b)))
                .isEqualTo(Integer.signum(BootfsOrder.COMPONENT_WISE.compare(a, b)));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings()
                .withChars("ab-_.Z\u00e9!")
                .ofMinLength(1)
                .ofMaxLength(3)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(parts -> String.join("/", parts));
    }

    private static byte[] build(Map<String, byte[]> tree) throws Exception {
        BootfsBuilder builder = new BootfsBuilder();
        for (Map.Entry<String, byte[]> e : tree.entrySet()) {
            builder.add(e.getKey(), e.getValue());
        }
        return WriterCorpus.arrayOf(builder.build());
    }

    private static List<String> sortedLikeTheTool(Map<String, byte[]> tree) {
        return tree.keySet().stream().sorted(BootfsNames.ORDER).toList();
    }

    @Provide
    Arbitrary<String> compressions() {
        return Arbitraries.of("none", "zstd:1", "lz4f");
    }

    @Provide
    Arbitrary<Map<String, byte[]>> trees() {
        Arbitrary<String> component = Arbitraries.strings()
                .withChars("ab-_.Z\u00e9")
                .ofMinLength(1)
                .ofMaxLength(4)
                .filter(s -> !s.equals(".") && !s.equals(".."));
        Arbitrary<String> name = component.list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("/", parts));
        Arbitrary<byte[]> content = Arbitraries.oneOf(
                Arbitraries.just(new byte[0]),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(5000),
                Arbitraries.of(new byte[] {1, 2, 3}, new byte[4096]));
        return Arbitraries.maps(name, content).ofMaxSize(12).filter(BootfsRoundTripTest::noFileIsADirectory);
    }

    private static boolean noFileIsADirectory(Map<String, byte[]> tree) {
        return tree.keySet().stream().noneMatch(a -> tree.keySet().stream().anyMatch(b -> b.startsWith(a + "/")));
    }
}
