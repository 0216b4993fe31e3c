package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZbiWriterTest {
    private static final ItemType IMAGE_ARGS = ItemType.IMAGE_ARGS;

    @Test
    void oneItemImageIsByteIdenticalToZbitlsTestVector() throws Exception {
        byte[] zbi = new ZbiWriter()
                .addItem(IMAGE_ARGS, 0, ByteBuffer.wrap("hello world".getBytes(StandardCharsets.US_ASCII)))
                .toBytes();
        assertThat(zbi).isEqualTo(WriterCorpus.bytes("zbitl/one-item.zbi"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"zbitl/multiple-small-items.zbi", "zbitl/second-item-on-page-boundary.zbi", "zbitl/empty.zbi"})
    void rewritingTheVectorsPayloadsReproducesTheirBytes(String image) throws Exception {
        byte[] reference = WriterCorpus.bytes(image);
        ZbiWriter writer = new ZbiWriter();
        for (WriterCorpus.RawItem item : WriterCorpus.items(reference)) {
            writer.addItem(ItemType.of(item.type()), item.extra(), ByteBuffer.wrap(item.payload()));
        }
        assertThat(writer.toBytes()).isEqualTo(reference);
    }

    @Test
    void compressedStorageItemHasCompressedFlagUncompressedExtraAndValidCrc() throws Exception {
        byte[] alphabet = "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
        byte[] zbi = new ZbiWriter()
                .addStorageItem(ItemType.RAMDISK, ByteBuffer.wrap(alphabet), Compression.DEFAULT)
                .toBytes();
        WriterCorpus.RawItem item = WriterCorpus.items(zbi).get(0);
        assertThat(item.flags()).isEqualTo(0x30001);
        assertThat(item.extra()).isEqualTo(26);
        // The zbitl vector: zstd of the alphabet is 35 bytes with CRC 3369636288 (same frame from this libzstd).
        assertThat(zbi).isEqualTo(WriterCorpus.bytes("zbitl/compressed-item.zbi"));
        try (ZbiImage image = ZbiImage.read(ByteBuffer.wrap(zbi), "mem")) {
            ZbiItem read = image.items().get(0);
            assertThat(read.crcStatus()).isEqualTo(CrcStatus.OK);
            assertThat(WriterCorpus.arrayOf(read.payload())).isEqualTo(alphabet);
        }
    }

    @Test
    void uncompressedBootfsGetsExtraEqualToLengthAndTheNewestToolsCrc() throws Exception {
        Path files = WriterCorpus.file("zbitl/files");
        BootfsBuilder abc = new BootfsBuilder()
                .add("A.txt", files.resolve("A.txt"))
                .add("nested/B.txt", files.resolve("B.txt"))
                .add("nested/again/C.txt", files.resolve("C.txt"));
        byte[] zbi = new ZbiWriter()
                .addStorageItem(ItemType.BOOTFS, abc, Compression.NONE)
                .toBytes();
        WriterCorpus.RawItem item = WriterCorpus.items(zbi).get(0);
        assertThat(item.flags()).isEqualTo(0x30000);
        assertThat(item.extra()).isEqualTo(16384).isEqualTo(item.length());
        assertThat(item.crc32()).isEqualTo(0x06138821L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zstd", "zstd:max", "lz4f", "lz4f:1", "none"})
    void everyItemReadsBackWithTheSamePayloadAndAValidCrc(String compression) throws Exception {
        byte[] bootfs = WriterCorpus.arrayOf(new BootfsBuilder()
                .add("bin/app", FrameCompressorTest.binaryLike(70_000, 1))
                .add("etc/empty", new byte[0])
                .build());
        byte[] cmdline = "a=b\0".getBytes(StandardCharsets.US_ASCII);
        byte[] zbi = new ZbiWriter()
                .addItem(ItemType.KERNEL_X64, 0, ByteBuffer.wrap(new byte[40]))
                .addStorageItem(ItemType.BOOTFS, ByteBuffer.wrap(bootfs), Compression.parse(compression))
                .addItem(ItemType.CMDLINE, 0, ByteBuffer.wrap(cmdline))
                .toBytes();
        try (ZbiImage image = ZbiImage.read(ByteBuffer.wrap(zbi), "mem")) {
            List<ZbiItem> items = image.items();
            assertThat(items)
                    .extracting(ZbiItem::type)
                    .containsExactly(ItemType.KERNEL_X64, ItemType.BOOTFS, ItemType.CMDLINE);
            assertThat(items).extracting(ZbiItem::crcStatus).containsOnly(CrcStatus.OK);
            assertThat(WriterCorpus.arrayOf(items.get(1).payload())).isEqualTo(bootfs);
            assertThat(WriterCorpus.arrayOf(items.get(2).payload())).isEqualTo(cmdline);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "zbi-tool-2020/complete-x64.zbi",
                "zbi-tool-2020/mixed-items.zbi",
                "u-root/zbi-chain-load-hello-world-test.zbi"
            })
    void copyingEveryItemReproducesTheImageExactly(String name) throws Exception {
        try (ZbiImage image = ZbiImage.open(WriterCorpus.file(name))) {
            ZbiWriter writer = new ZbiWriter();
            image.items().forEach(writer::copyItem);
            assertThat(writer.toBytes()).isEqualTo(WriterCorpus.bytes(name));
        }
    }

    @Test
    void outputLargerThanFourGibMinus32IsRefusedBeforeAnythingIsRead() {
        PayloadSource huge = new PayloadSource() {
            @Override
            public long size() {
                return 0x8000_0000L;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                throw new IOException("must not be read");
            }
        };
        ZbiWriter writer = new ZbiWriter();
        byte[] header = ZbiWriter.header(ItemType.RAMDISK.code(), 0x8000_0000L, 0, 0x10000, 0x4a87e8d6);
        writer.addCopy(ByteBuffer.wrap(header), huge).addCopy(ByteBuffer.wrap(header), huge);
        assertThatThrownBy(() -> writer.writeTo(OutputStream.nullOutputStream()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("output size exceeds format maximum");
    }

    @Test
    void writingToAPathRefusesAnExistingFileUnlessForced(@TempDir Path dir) throws Exception {
        Path out = Files.writeString(dir.resolve("out.zbi"), "old");
        ZbiWriter writer = new ZbiWriter().addItem(IMAGE_ARGS, 0, ByteBuffer.wrap(new byte[] {1}));
        assertThatThrownBy(() -> writer.writeTo(out)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(out)).isEqualTo("old");
        writer.writeTo(out, true);
        assertThat(Files.readAllBytes(out)).isEqualTo(writer.toBytes());
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(out);
        }
    }

    @Test
    void theWrittenFileGetsOrdinaryPermissionsNotATemporaryFilesOwnerOnlyMode(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path out = dir.resolve("out.zbi");
        new ZbiWriter().writeTo(out, false);
        Path plain = Files.createFile(dir.resolve("plain"));
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aFailedWriteLeavesNoTargetAndNoTemporaryFile(@TempDir Path dir) {
        Path out = dir.resolve("out.zbi");
        assertThatThrownBy(() -> AtomicFiles.write(out, false, stream -> {
                    stream.write(new byte[100]);
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");
        assertThat(dir).isEmptyDirectory();
    }
}
