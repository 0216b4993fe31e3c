package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ImageGeneratorTest {
    private static final Set<String> TOP_LEVEL =
            Set.of("bin", "lib", "driver", "blob", "config", "data", "meta", "pkg");

    private static ImageGenerator.Builder small() {
        return ImageGenerator.builder().files(120).size(2L << 20).seed(42);
    }

    @Test
    void theSameArgumentsGiveTheSameBytesAndAnotherSeedDifferentOnes() throws Exception {
        byte[] first = small().build().toBytes();
        assertThat(small().build().toBytes()).isEqualTo(first);
        assertThat(small().seed(43).build().toBytes()).isNotEqualTo(first);
        assertThat(small().compression(Compression.NONE).build().toBytes()).isNotEqualTo(first);
    }

    @Test
    void defaultsMakeAProductShapedImageOfTheRequestedSize() throws Exception {
        byte[] zbi = ImageGenerator.builder().build().toBytes();
        try (ZbiImage image = ZbiImage.read(ByteBuffer.wrap(zbi), "generated")) {
            assertThat(image.items()).singleElement().extracting(ZbiItem::type).isEqualTo(ItemType.BOOTFS);
            ZbiItem item = image.items().get(0);
            assertThat(item.crcStatus()).isEqualTo(CrcStatus.OK);
            assertThat(item.uncompressedSize()).isEqualTo(ImageGenerator.DEFAULT_SIZE);
            Bootfs bootfs = Bootfs.parse(item.payload());
            List<BootfsEntry> entries = bootfs.entries();
            assertThat(entries).hasSize(ImageGenerator.DEFAULT_FILES);
            assertThat(entries.stream()
                            .map(e -> e.name().substring(0, e.name().indexOf('/')))
                            .collect(Collectors.toSet()))
                    .isEqualTo(TOP_LEVEL);
            assertThat(entries).filteredOn(e -> e.name().startsWith("blob/")).allSatisfy(e -> assertThat(e.name())
                    .matches("blob/[0-9a-f]{64}"));
            assertThat(entries).filteredOn(e -> e.name().startsWith("pkg/")).allSatisfy(e -> assertThat(e.name())
                    .startsWith("pkg/base/data/"));
            assertThat(entries).filteredOn(e -> e.dataLength() == 0).isNotEmpty();
            assertThat(sharedRanges(entries)).isPositive();
            assertThat(bootfs.warnings()).isEmpty();
            assertThat(ImageChecker.check(image, true, true)).isEmpty();
        }
    }

    @Test
    void binaryContentCompressesLikeRealExecutables() throws Exception {
        ImageGenerator generator =
                ImageGenerator.builder().files(200).size(8L << 20).seed(5).build();
        PackSummary summary = generator.writeTo(java.io.OutputStream.nullOutputStream());
        double ratio = (double) summary.bootfsBytes() / summary.outputBytes();
        assertThat(ratio).isBetween(2.3, 3.3);
    }

    @Test
    void kernelOptionPutsASyntheticKernelFirstSoTheImageIsBootable() throws Exception {
        byte[] zbi = small().kernel(true).build().toBytes();
        try (ZbiImage image = ZbiImage.read(ByteBuffer.wrap(zbi), "generated")) {
            assertThat(image.items()).extracting(ZbiItem::type).containsExactly(ItemType.KERNEL_X64, ItemType.BOOTFS);
            assertThat(image.bootability().bootable()).isTrue();
            ByteBuffer kernel = image.items().get(0).payload();
            assertThat(kernel.getLong(0)).isEqualTo(0x10_0000L + 80);
            assertThat(kernel.getLong(8)).isEqualTo(4L << 20);
            assertThat(image.items()).extracting(ZbiItem::crcStatus).containsOnly(CrcStatus.OK);
        }
    }

    @Test
    void aTargetBelowOnePagePerFileGivesTheSmallestValidImage() throws Exception {
        byte[] zbi = ImageGenerator.builder()
                .files(40)
                .size(4096)
                .compression(Compression.NONE)
                .build()
                .toBytes();
        try (ZbiImage image = ZbiImage.read(ByteBuffer.wrap(zbi), "generated")) {
            Bootfs bootfs = Bootfs.parse(image.items().get(0).payload());
            assertThat(bootfs.entries()).hasSize(40).allSatisfy(e -> assertThat(e.dataLength())
                    .isLessThanOrEqualTo(1));
        }
    }

    @Test
    void planSizesAddUpToThePageAlignedTarget() {
        for (long target : new long[] {4L << 20, 5_000_001L, 64L << 20}) {
            List<GeneratorPlan.File> plan = GeneratorPlan.plan(500, target, 9);
            Map<Integer, Long> distinct = new HashMap<>();
            long dirsize = 0;
            for (GeneratorPlan.File f : plan) {
                dirsize += ZbiConstants.direntSize(f.name().length() + 1L);
                if (f.size() > 0) {
                    distinct.put(f.contentId(), ZbiConstants.pageAlign(f.size()));
                }
            }
            long total = ZbiConstants.pageAlign(16 + dirsize)
                    + distinct.values().stream().mapToLong(Long::longValue).sum();
            assertThat(total).as("target %d", target).isEqualTo(ZbiConstants.pageAlign(target));
        }
    }

    @Test
    void outOfRangeArgumentsAreUsageErrors() {
        assertThatThrownBy(() -> ImageGenerator.builder().files(0).build()).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> ImageGenerator.builder().size(100).build()).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> ImageGenerator.builder().size(1L << 33).build())
                .isInstanceOf(UsageException.class);
    }

    private static long sharedRanges(List<BootfsEntry> entries) {
        return entries.stream()
                .filter(e -> e.dataLength() > 0)
                .collect(Collectors.groupingBy(BootfsEntry::dataOffset, Collectors.counting()))
                .values()
                .stream()
                .filter(n -> n > 1)
                .count();
    }
}
