package dev.bootsplice.cli.zbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.format.CrcStatus;
import dev.bootsplice.format.ZbiImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code bootsplice zbi} deliberately differs from the 2020 reference tool (spec §4.9 and what this
 * suite found), each checked on both sides: the reference's behaviour is still what is documented, and
 * bootsplice does the correct thing.
 */
class ZbiDifferencesTest {
    @TempDir
    Path tmp;

    private Path tree;

    @BeforeEach
    void tree() throws Exception {
        tree = Files.createDirectories(tmp.resolve("t"));
        Files.writeString(tree.resolve("a"), "a\n");
        Files.writeString(tree.resolve("zz-empty"), "");
        ReferenceZbi.tool();
    }

    @Test
    void anEmptyFileGivesTheReferenceAWrongCrcAndBootspliceTheRightOne() throws Exception {
        List<String> ref = List.of("-o", tmp.resolve("ref.zbi").toString(), "-u", tree.toString());
        List<String> ours = List.of("-o", tmp.resolve("our.zbi").toString(), "-u", tree.toString());
        assertThat(ReferenceZbi.reference(tmp, ref).status()).isZero();
        assertThat(ReferenceZbi.ours(ours).status()).isZero();
        try (ZbiImage r = ZbiImage.open(tmp.resolve("ref.zbi"));
                ZbiImage o = ZbiImage.open(tmp.resolve("our.zbi"))) {
            assertThat(r.items().get(0).crcStatus()).isEqualTo(CrcStatus.MISMATCH);
            assertThat(r.items().get(0).crcMatchesEmptyFileDefect()).isTrue();
            assertThat(o.items().get(0).crcStatus()).isEqualTo(CrcStatus.OK);
            assertThat(o.items().get(0).payload()).isEqualTo(r.items().get(0).payload());
        }
    }

    @Test
    void anEmptyLastFileIsExtractedWhereTheReferenceRefusesIt() throws Exception {
        Path image = tmp.resolve("u.zbi");
        assertThat(ReferenceZbi.reference(tmp, List.of("-o", image.toString(), "-u", tree.toString()))
                        .status())
                .isZero();
        ReferenceZbi.Run ref = ReferenceZbi.reference(
                tmp, List.of("-x", "-D", tmp.resolve("rx").toString(), image.toString()));
        ReferenceZbi.Run ours =
                ReferenceZbi.ours(List.of("-x", "-D", tmp.resolve("ox").toString(), image.toString()));
        assertThat(ref.status()).isEqualTo(1);
        assertThat(Files.exists(tmp.resolve("rx/zz-empty"))).isFalse();
        assertThat(ours.status()).as(ours.toString()).isZero();
        assertThat(tmp.resolve("ox/zz-empty")).isEmptyFile();
        assertThat(tmp.resolve("ox/a")).hasContent("a");
    }

    @Test
    void replaceWorksInItsShortFormWhichTheReferenceRejects() throws Exception {
        List<String> args = List.of("-t", "-r", tree.toString());
        assertThat(ReferenceZbi.reference(tmp, args).err()).contains("invalid option -- 'r'");
        assertThat(ReferenceZbi.ours(args).status()).isZero();
    }

    @Test
    void aPrefixAppliesToADirectoryInputWhichTheReferenceIgnores() throws Exception {
        List<String> args = List.of("-t", "-v", "-u", "-p", "pre", tree.toString());
        assertThat(ReferenceZbi.reference(tmp, args).out()).contains(" a\n").doesNotContain("pre/a");
        assertThat(ReferenceZbi.ours(args).out()).contains(" pre/a\n", " pre/zz-empty\n");
    }

    @Test
    void patternsMergeAndFilterAnInputImagesBootfsWhereTheReferenceFindsNoFiles() throws Exception {
        Files.delete(tree.resolve("zz-empty"));
        Files.writeString(tree.resolve("b"), "b\n");
        Path image = tmp.resolve("in.zbi");
        assertThat(ReferenceZbi.ours(List.of("-o", image.toString(), tree.toString()))
                        .status())
                .isZero();
        List<String> args = List.of("-t", "-v", image.toString(), "--", "a");
        ReferenceZbi.Run ref = ReferenceZbi.reference(tmp, args);
        assertThat(ref.status()).isEqualTo(1);
        assertThat(ref.err()).contains("no BOOTFS files");
        ReferenceZbi.Run ours = ReferenceZbi.ours(args);
        assertThat(ours.status()).as(ours.toString()).isZero();
        assertThat(ours.out()).contains(" a\n", "matched 1 of 2 BOOTFS files").doesNotContain(" b\n");
    }

    @Test
    void aListedNewItemShowsTheCrcOfWhatIsListedNotOfACompressedHeader() throws Exception {
        Files.delete(tree.resolve("zz-empty"));
        List<String> args = List.of("-t", tree.toString());
        String ref = ReferenceZbi.reference(tmp, args).out();
        String ours = ReferenceZbi.ours(args).out();
        byte[] payload = uncompressedBootfs();
        assertThat(ref).contains(String.format("CRC=%08x", crc(0x30001, payload)));
        assertThat(ours).contains(String.format("CRC=%08x", crc(0x30000, payload)));
    }

    @Test
    void jsonGivesTheWrittenSizeOfACompressedItemWhereTheReferenceGivesTheUncompressedOne() throws Exception {
        Path refJson = tmp.resolve("ref.json");
        Path ourJson = tmp.resolve("our.json");
        ReferenceZbi.reference(
                tmp, List.of("-o", tmp.resolve("r.zbi").toString(), "-j", refJson.toString(), tree.toString()));
        ReferenceZbi.ours(List.of("-o", tmp.resolve("o.zbi").toString(), "-j", ourJson.toString(), tree.toString()));
        assertThat(Files.readString(refJson)).contains("\"size\": 8192,");
        try (ZbiImage o = ZbiImage.open(tmp.resolve("o.zbi"))) {
            assertThat(o.items().get(0).isCompressed()).isTrue();
            assertThat(Files.readString(ourJson))
                    .contains(
                            "\"size\": " + o.items().get(0).length() + ",",
                            "\"uncompressed_size\": 8192,",
                            "\"crc32\": " + o.items().get(0).storedCrc32() + ",");
        }
    }

    @Test
    void aDepfileNamesInputsUnderTheDirectorySwitchAsTheyAreReachedFromTheWorkingDirectory() throws Exception {
        Files.writeString(tmp.resolve("m.txt"), "x=t/a\n");
        List<String> args = List.of(
                "-o",
                tmp.resolve("o.zbi").toString(),
                "-d",
                tmp.resolve("o.d").toString(),
                "-C",
                tmp.toString(),
                "m.txt");
        assertThat(ReferenceZbi.reference(tmp, args).status()).isZero();
        assertThat(Files.readString(tmp.resolve("o.d"))).contains(" m.txt").contains(" t/a");
        assertThat(ReferenceZbi.ours(args).status()).isZero();
        assertThat(Files.readString(tmp.resolve("o.d"))).contains(" " + tmp.resolve("m.txt"), " " + tmp.resolve("t/a"));
    }

    /** The BOOTFS the reference lays out for {@link #tree} without its empty file: a at 0x1000. */
    private byte[] uncompressedBootfs() throws Exception {
        Path image = tmp.resolve("plain.zbi");
        assertThat(ReferenceZbi.ours(List.of("-o", image.toString(), "-u", tree.toString()))
                        .status())
                .isZero();
        byte[] zbi = Files.readAllBytes(image);
        return java.util.Arrays.copyOfRange(zbi, 64, zbi.length);
    }

    /** CRC-32 of a BOOTFS item header with {@code flags}, {@code extra = 0}, followed by {@code payload}. */
    private static long crc(int flags, byte[] payload) {
        java.nio.ByteBuffer h = java.nio.ByteBuffer.allocate(32)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(0x42534642)
                .putInt(payload.length)
                .putInt(0)
                .putInt(flags)
                .putInt(0)
                .putInt(0)
                .putInt(0xb5781729)
                .putInt(0);
        CRC32 crc = new CRC32();
        crc.update(h.array());
        crc.update(payload);
        return crc.getValue();
    }
}
