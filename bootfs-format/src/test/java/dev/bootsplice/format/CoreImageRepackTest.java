package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extracts the product-sized corpus image and packs its tree again (spec §4.4; the 2.3 s reference build). */
class CoreImageRepackTest {
    @TempDir
    static Path dir;

    static Path tree;

    @BeforeAll
    static void extractTheTree() throws Exception {
        tree = dir.resolve("tree");
        try (ZbiImage image = ZbiImage.open(WriterCorpus.file("realistic/core-x64.zbi"))) {
            Bootfs bootfs = Bootfs.parse(image.firstBootfs().orElseThrow().payload());
            for (BootfsEntry e : bootfs.entries()) {
                Path file = tree.resolve(e.name());
                Files.createDirectories(file.getParent());
                try (var channel = java.nio.channels.FileChannel.open(
                        file, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
                    ByteBuffer content = bootfs.content(e);
                    while (content.hasRemaining()) {
                        channel.write(content);
                    }
                }
            }
        }
    }

    @Test
    void repackingTheExtractedTreeGivesTheReferenceBootfsWithinTwoPercentOfItsSize() throws Exception {
        Path out = dir.resolve("repacked.zbi");
        long start = System.nanoTime();
        PackSummary summary = new ImagePacker()
                .input(tree)
                .rangeSharing(RangeSharing.SAME_FILE)
                .pack(out, false);
        long millis = (System.nanoTime() - start) / 1_000_000;
        try (ZbiImage reference = ZbiImage.open(WriterCorpus.file("realistic/core-x64.zbi"));
                ZbiImage ours = ZbiImage.open(out)) {
            ZbiItem theirs = reference.firstBootfs().orElseThrow();
            ZbiItem mine = ours.firstBootfs().orElseThrow();
            assertThat(summary.files()).isEqualTo(2384);
            assertThat(mine.crcStatus()).isEqualTo(CrcStatus.OK);
            assertThat(mine.extra()).isEqualTo(theirs.extra());
            assertThat(mine.payload()).isEqualTo(theirs.payload());
            assertThat((double) mine.length()).isCloseTo(theirs.length(), Percentage.withPercentage(2));
            System.out.printf(
                    "core-x64 repack: %d files, BOOTFS %d -> %d bytes (reference %d), %d ms%n",
                    summary.files(), mine.extra(), mine.length(), theirs.length(), millis);
        }
    }

    @Test
    void packingTheImageItselfKeepsItsKernelAndCmdlineAndRebuildsTheSameBootfs() throws Exception {
        Path out = dir.resolve("self.zbi");
        new ImagePacker()
                .input(WriterCorpus.file("realistic/core-x64.zbi"))
                .rangeSharing(RangeSharing.SAME_FILE)
                .pack(out, false);
        try (ZbiImage reference = ZbiImage.open(WriterCorpus.file("realistic/core-x64.zbi"));
                ZbiImage ours = ZbiImage.open(out)) {
            assertThat(ours.items())
                    .extracting(ZbiItem::type)
                    .containsExactly(ItemType.KERNEL_X64, ItemType.CMDLINE, ItemType.BOOTFS);
            ZbiItem kernel = reference.items().get(0);
            assertThat(ours.items().get(0).header()).isEqualTo(kernel.header());
            assertThat(ours.items().get(0).rawPayload()).isEqualTo(kernel.rawPayload());
            assertThat(ours.items().get(1).payload())
                    .isEqualTo(reference.items().get(2).payload());
            assertThat(ours.items().get(2).payload())
                    .isEqualTo(reference.items().get(1).payload());
        }
    }

    @Test
    void sharingByContentOnlyDropsDuplicateRanges() throws Exception {
        ByteBuffer packed;
        BootfsBuilder builder = new BootfsBuilder();
        try (var walk = Files.walk(tree)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                builder.add(tree.relativize(p).toString(), p);
            }
        }
        packed = builder.build();
        try (ZbiImage reference = ZbiImage.open(WriterCorpus.file("realistic/core-x64.zbi"))) {
            Bootfs theirs = Bootfs.parse(reference.firstBootfs().orElseThrow().payload());
            Bootfs ours = Bootfs.parse(packed);
            assertThat(ours.entries())
                    .extracting(BootfsEntry::name)
                    .containsExactlyElementsOf(
                            theirs.entries().stream().map(BootfsEntry::name).toList());
            assertThat(ours.capacity()).isLessThan(theirs.capacity());
            for (int i = 0; i < ours.entries().size(); i++) {
                assertThat(ours.content(ours.entries().get(i)))
                        .isEqualTo(theirs.content(theirs.entries().get(i)));
            }
        }
    }
}
