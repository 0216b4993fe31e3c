package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BootfsBuilderTest {
    /** A parsed dirent, read with plain buffer arithmetic. */
    record Dirent(String name, long length, long offset) {}

    static List<Dirent> dirents(ByteBuffer bootfs) {
        ByteBuffer b = bootfs.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(0xa56d3ff9);
        int dirsize = b.getInt(4);
        List<Dirent> out = new ArrayList<>();
        for (int off = 16; off < 16 + dirsize; ) {
            int nameLen = b.getInt(off);
            byte[] name = new byte[nameLen - 1];
            b.get(off + 12, name);
            out.add(new Dirent(
                    new String(name, StandardCharsets.UTF_8),
                    Integer.toUnsignedLong(b.getInt(off + 4)),
                    Integer.toUnsignedLong(b.getInt(off + 8))));
            off += (12 + nameLen + 3) & ~3;
        }
        return out;
    }

    static byte[] array(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Test
    void abcManifestGivesTheSpecsByteIdenticalBootfs() throws Exception {
        Path files = WriterCorpus.file("zbitl/files");
        BootfsBuilder builder = new BootfsBuilder()
                .add("nested/again/C.txt", files.resolve("C.txt"))
                .add("A.txt", files.resolve("A.txt"))
                .add("nested/B.txt", files.resolve("B.txt"));
        ByteBuffer image = builder.build();
        assertThat(image.remaining()).isEqualTo(16384);
        assertThat(WriterCorpus.sha256(array(image)))
                .isEqualTo("59c7eaedf362bc010369fb6a236c3bd31c9c3562ed8ad939b23cda6d7ffe847e");
        assertThat(dirents(image))
                .containsExactly(
                        new Dirent("A.txt", 176, 4096),
                        new Dirent("nested/B.txt", 131, 8192),
                        new Dirent("nested/again/C.txt", 47, 12288));
    }

    @Test
    void namesSortPerComponentSoSlashSortsBeforeEveryOtherByte() throws Exception {
        BootfsBuilder builder = new BootfsBuilder();
        for (String name : new String[] {"a-b", "a/x", "B", "a/\u00e9", "a/z/q", "ab"}) {
            builder.add(name, name.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(dirents(builder.build()))
                .extracting(Dirent::name)
                .containsExactly("B", "a/x", "a/z/q", "a/\u00e9", "a-b", "ab");
    }

    @Test
    void identicalContentsShareOneRangeAndEmptyFilesSitAtTheCurrentEnd() throws Exception {
        byte[] same = "same bytes".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer image = new BootfsBuilder()
                .add("a", same)
                .add("b/empty", new byte[0])
                .add("c", same.clone())
                .add("d", new byte[5000])
                .add("zz-empty", new byte[0])
                .build();
        assertThat(dirents(image))
                .containsExactly(
                        new Dirent("a", 10, 0x1000),
                        new Dirent("b/empty", 0, 0x2000),
                        new Dirent("c", 10, 0x1000),
                        new Dirent("d", 5000, 0x2000),
                        new Dirent("zz-empty", 0, 0x4000));
        assertThat(image.remaining()).isEqualTo(0x4000);
    }

    @Test
    void fileDataIsZeroPaddedToPages() throws Exception {
        byte[] content = new byte[4097];
        java.util.Arrays.fill(content, (byte) 0x5a);
        ByteBuffer image = new BootfsBuilder().add("x", content).build();
        assertThat(image.remaining()).isEqualTo(3 * 4096);
        assertThat(image.get(4096)).isEqualTo((byte) 0x5a);
        assertThat(image.get(4096 + 4096)).isEqualTo((byte) 0x5a);
        assertThat(image.get(4096 + 4097)).isZero();
        assertThat(image.get(3 * 4096 - 1)).isZero();
    }

    @Test
    void anEmptyBuilderWritesAHeaderPage() throws Exception {
        ByteBuffer image = new BootfsBuilder().build();
        assertThat(image.remaining()).isEqualTo(4096);
        assertThat(dirents(image)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/abs", "a/../b", "./a", "a/.", "a//b", "a/", ""})
    void badNamesAreUsageErrors(String name) {
        assertThatThrownBy(() -> new BootfsBuilder().add(name, new byte[1])).isInstanceOf(UsageException.class);
    }

    @Test
    void namesLongerThan255BytesAreUsageErrors() throws Exception {
        new BootfsBuilder().add("x".repeat(255), new byte[1]);
        assertThatThrownBy(() -> new BootfsBuilder().add("x".repeat(256), new byte[1]))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("256 bytes");
    }

    @Test
    void duplicatesAndFileDirectoryClashesAreUsageErrors() throws Exception {
        BootfsBuilder builder = new BootfsBuilder().add("a/b", new byte[1]);
        assertThatThrownBy(() -> builder.add("a/b", new byte[2]))
                .isInstanceOf(UsageException.class)
                .hasMessage("duplicate target path: a/b");
        assertThatThrownBy(() -> builder.add("a", new byte[2]))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("directory vs file");
        assertThatThrownBy(() -> builder.add("a/b/c", new byte[2]))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("directory vs file");
    }

    @Test
    void theReferenceTreeSharingByFileGivesThe2020ToolsUncompressedBootfsByteForByte() throws Exception {
        Path tree = WriterCorpus.file("zbi-tool-2020/inputs/tree");
        BootfsBuilder builder = treeBuilder(tree).rangeSharing(RangeSharing.SAME_FILE);
        byte[] reference = WriterCorpus.items(WriterCorpus.bytes("zbi-tool-2020/bootfs-dir-uncompressed.zbi"))
                .get(0)
                .payload();
        assertThat(array(builder.build())).isEqualTo(reference);
        assertThat(array(builder.build())).isEqualTo(WriterCorpus.bytes("zbi-tool-2020/bootfs-dir.bootfs"));
    }

    @Test
    void aHardLinkSharesTheRangeOfItsTargetLikeThe2020Tool(@TempDir Path dir) throws Exception {
        Path tree = WriterCorpus.file("zbi-tool-2020/inputs/tree");
        Path copy = dir.resolve("tree");
        for (String name : new String[] {"bin/app", "data/big.bin", "lib/one.txt", "lib/sub/two.txt", "zlast.txt"}) {
            Files.createDirectories(copy.resolve(name).getParent());
            Files.copy(tree.resolve(name), copy.resolve(name));
        }
        Files.createLink(copy.resolve("lib/hardlink-to-one.txt"), copy.resolve("lib/one.txt"));
        byte[] reference = WriterCorpus.items(WriterCorpus.bytes("zbi-tool-2020/bootfs-shared-range.zbi"))
                .get(0)
                .payload();
        assertThat(array(treeBuilder(copy).rangeSharing(RangeSharing.SAME_FILE).build()))
                .isEqualTo(reference);
    }

    @Test
    void sharingByContentMergesEqualFilesTheWayTheNewestToolDoes() throws Exception {
        Path tree = WriterCorpus.file("zbi-tool-2020/inputs/tree");
        List<Dirent> dirents = dirents(treeBuilder(tree).build());
        // lib/one.txt and lib/sub/two.txt hold the same 13 bytes: one range instead of the 2020 tool's two.
        assertThat(dirents)
                .containsExactly(
                        new Dirent("bin/app", 19, 0x1000),
                        new Dirent("data/big.bin", 10000, 0x2000),
                        new Dirent("data/empty", 0, 0x5000),
                        new Dirent("lib/one.txt", 13, 0x5000),
                        new Dirent("lib/sub/two.txt", 13, 0x5000),
                        new Dirent("zlast.txt", 14, 0x6000));
    }

    @Test
    void anEmptyLastFileGetsTheImageSizeAsOffsetLikeTheReference() throws Exception {
        Path tree = WriterCorpus.file("zbi-tool-2020/inputs/empty-last");
        byte[] reference = WriterCorpus.items(WriterCorpus.bytes("zbi-tool-2020/bootfs-empty-last-uncompressed.zbi"))
                .get(0)
                .payload();
        assertThat(array(treeBuilder(tree).build())).isEqualTo(reference);
    }

    @Test
    void imagesBeyondTheFormatOrOneBufferAreUsageErrorsBeforeAnyByteIsRead() throws Exception {
        BootfsBuilder builder = new BootfsBuilder().add("big", huge(0xC000_0000L));
        assertThat(builder.imageSize()).isEqualTo(0x1000L + 0xC000_0000L);
        assertThatThrownBy(builder::build).isInstanceOf(UsageException.class).hasMessageContaining("use writeTo");
        builder.add("big2", huge(0x7000_0000L));
        assertThatThrownBy(builder::imageSize)
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("BOOTFS image size");
        assertThatThrownBy(() -> new BootfsBuilder().add("x", huge(1L << 32)).imageSize())
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("input file size of \"x\"");
    }

    /** A source of the given size whose bytes must never be needed. */
    private static FileSource huge(long size) {
        return new FileSource() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public void writeTo(java.io.OutputStream out) throws java.io.IOException {
                throw new java.io.IOException("must not be read");
            }

            @Override
            public Object contentKey() {
                return this;
            }

            @Override
            public Object fileKey() {
                return this;
            }
        };
    }

    @Test
    void streamingWriteEqualsTheBuiltBuffer() throws Exception {
        BootfsBuilder builder =
                new BootfsBuilder().add("a", new byte[9000]).add("b", "x".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.writeTo(out);
        assertThat(out.toByteArray()).isEqualTo(array(builder.build()));
        assertThat(builder.imageSize()).isEqualTo(out.size());
    }

    @Test
    void aHostFileThatChangedSizeSinceAddingFailsTheWrite(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "short");
        BootfsBuilder builder = new BootfsBuilder().add("f", file);
        Files.writeString(file, "much longer now");
        assertThatThrownBy(builder::build)
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("size changed");
    }

    static BootfsBuilder treeBuilder(Path tree) throws Exception {
        BootfsBuilder builder = new BootfsBuilder();
        try (var walk = Files.walk(tree)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                builder.add(tree.relativize(p).toString().replace('\\', '/'), p);
            }
        }
        return builder;
    }
}
