package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.ArchiveOutputStream;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.junit.jupiter.api.Test;

class BootfsArchiveStreamsTest {
    /** The generic commons-compress read loop, as any archive-walking code writes it. */
    static Map<String, String> walk(ArchiveInputStream<?> in) throws Exception {
        Map<String, String> digests = new LinkedHashMap<>();
        ArchiveEntry entry;
        while ((entry = in.getNextEntry()) != null) {
            byte[] bytes = in.readAllBytes();
            assertThat(bytes).hasSize((int) entry.getSize());
            digests.put(entry.getName(), WriterCorpus.sha256(bytes));
        }
        return digests;
    }

    static Map<String, String> expected(String listing) throws Exception {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String line : Files.readAllLines(WriterCorpus.file("expected/" + listing))) {
            String[] parts = line.trim().split("\\s+", 2);
            digests.put(parts[1], parts[0]);
        }
        return digests;
    }

    @Test
    void theGenericLoopReadsEveryFileOfACompressedCorpusImage() throws Exception {
        try (InputStream file = Files.newInputStream(WriterCorpus.file("zbi-tool-2020/bootfs-dir-zstd.zbi"));
                BootfsArchiveInputStream in = new BootfsArchiveInputStream(file)) {
            assertThat(walk(in)).containsExactlyEntriesOf(expected("zbi-tool-2020_bootfs-dir-zstd.files.sha256"));
            assertThat(in.getBytesRead()).isEqualTo(19 + 10000 + 13 + 13 + 14);
        }
    }

    @Test
    void aMappedBareBootfsReadsTheSameAsItsZbi() throws Exception {
        try (BootfsArchiveInputStream bare =
                        new BootfsArchiveInputStream(WriterCorpus.file("zbi-tool-2020/bootfs-dir.bootfs"));
                BootfsArchiveInputStream zbi =
                        new BootfsArchiveInputStream(WriterCorpus.file("zbi-tool-2020/bootfs-dir-lz4f.zbi"))) {
            assertThat(walk(bare)).isEqualTo(walk(zbi));
        }
    }

    @Test
    void entriesCarryTheirDataOffsetsAndNoTimes() throws Exception {
        try (BootfsArchiveInputStream in =
                new BootfsArchiveInputStream(WriterCorpus.file("zbi-tool-2020/bootfs-dir-uncompressed.zbi"))) {
            List<BootfsArchiveEntry> entries = new ArrayList<>();
            in.forEach(entries::add);
            assertThat(entries)
                    .extracting(BootfsArchiveEntry::getDataOffset)
                    .containsExactly(0x1000L, 0x2000L, 0x5000L, 0x5000L, 0x6000L, 0x7000L);
            assertThat(entries).allSatisfy(e -> {
                assertThat(e.getLastModifiedDate().getTime()).isZero();
                assertThat(e.isDirectory()).isFalse();
            });
        }
    }

    @Test
    void aBrokenImageIsAnIoExceptionCarryingTheFormatError() throws Exception {
        byte[] bytes = WriterCorpus.bytes("zbitl/bootfs.zbi");
        bytes[0x20 + 32 + 6] ^= 0x55;
        assertThatThrownBy(() -> new BootfsArchiveInputStream(new ByteArrayInputStream(bytes)))
                .isInstanceOf(IOException.class)
                .hasCauseInstanceOf(ZbiFormatException.class);
        assertThatThrownBy(() -> new BootfsArchiveInputStream(
                        new ByteArrayInputStream(WriterCorpus.bytes("zbitl/one-item.zbi"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no BOOTFS item");
    }

    @Test
    void copyingEntriesThroughTheGenericApiRebuildsTheSameFiles() throws Exception {
        ByteArrayOutputStream zbi = new ByteArrayOutputStream();
        try (BootfsArchiveInputStream in =
                        new BootfsArchiveInputStream(WriterCorpus.file("zbi-tool-2020/bootfs-dir-zstd.zbi"));
                ArchiveOutputStream<BootfsArchiveEntry> out = new BootfsArchiveOutputStream(zbi)) {
            BootfsArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                out.putArchiveEntry(new BootfsArchiveEntry(entry.getName(), entry.getSize()));
                in.transferTo(out);
                out.closeArchiveEntry();
            }
        }
        try (BootfsArchiveInputStream back =
                new BootfsArchiveInputStream(new ByteArrayInputStream(zbi.toByteArray()))) {
            assertThat(walk(back)).containsExactlyEntriesOf(expected("zbi-tool-2020_bootfs-dir-zstd.files.sha256"));
        }
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        new ImagePacker().input(WriterCorpus.file("zbi-tool-2020/inputs/tree")).writeTo(packed);
        assertThat(zbi.toByteArray()).isEqualTo(packed.toByteArray());
    }

    @Test
    void theOutputStreamChecksDeclaredSizesAndNames() throws Exception {
        BootfsArchiveOutputStream out =
                new BootfsArchiveOutputStream(new ByteArrayOutputStream(), Compression.NONE, true);
        out.putArchiveEntry(new BootfsArchiveEntry("a", 3));
        out.write("ab".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(out::closeArchiveEntry).hasMessageContaining("declared 3 bytes, got 2");
        out.putArchiveEntry(new BootfsArchiveEntry("../evil", ArchiveEntry.SIZE_UNKNOWN));
        assertThatThrownBy(out::closeArchiveEntry)
                .isInstanceOf(IOException.class)
                .hasCauseInstanceOf(UsageException.class);
    }

    @Test
    void directoryEntriesAreAcceptedAndImpliedByNames() throws Exception {
        ByteArrayOutputStream bare = new ByteArrayOutputStream();
        java.nio.file.Path dir = Files.createTempDirectory("bootfs-archive");
        try (BootfsArchiveOutputStream out = new BootfsArchiveOutputStream(bare, Compression.NONE, true)) {
            out.putArchiveEntry(out.createArchiveEntry(dir.toFile(), "etc/"));
            out.closeArchiveEntry();
            out.putArchiveEntry(new BootfsArchiveEntry("etc/motd", 2));
            out.write(new byte[] {'h', 'i'});
            out.closeArchiveEntry();
        } finally {
            Files.delete(dir);
        }
        assertThat(BootfsBuilderTest.dirents(java.nio.ByteBuffer.wrap(bare.toByteArray())))
                .containsExactly(new BootfsBuilderTest.Dirent("etc/motd", 2, 0x1000));
    }

    @Test
    void theArchiveStreamFactoryFindsTheProviderOnTheClassPath() throws Exception {
        ArchiveStreamFactory factory = new ArchiveStreamFactory();
        // Built-in names come from getInputStreamArchiveNames(); third-party providers only from the lookup.
        assertThat(ArchiveStreamFactory.findAvailableArchiveInputStreamProviders())
                .containsKey("BOOTFS");
        assertThat(ArchiveStreamFactory.findAvailableArchiveOutputStreamProviders())
                .containsKey("BOOTFS");
        try (InputStream file = Files.newInputStream(WriterCorpus.file("zbi-tool-2020/bootfs-dir-lz4f.zbi"));
                ArchiveInputStream<?> in = factory.createArchiveInputStream("bootfs", file)) {
            assertThat(in).isInstanceOf(BootfsArchiveInputStream.class);
            assertThat(walk(in)).containsExactlyEntriesOf(expected("zbi-tool-2020_bootfs-dir-lz4f.files.sha256"));
        }
    }
}
