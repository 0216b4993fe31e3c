package dev.bootsplice.format;

import static dev.bootsplice.format.RawZbi.ascii;
import static dev.bootsplice.format.RawZbi.concat;
import static dev.bootsplice.format.RawZbi.dirent;
import static dev.bootsplice.format.RawZbi.direntRaw;
import static dev.bootsplice.format.RawZbi.place;
import static dev.bootsplice.format.RawZbi.putInt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BOOTFS parsing: warnings F12, F14–F21, content slices and the directory-only view. */
class BootfsTest {

    /** A BOOTFS of {@code pages} pages whose directory is {@code dirents}; page i (i ≥ 1) starts with byte i. */
    private static byte[] image(int pages, byte[]... dirents) {
        byte[] dir = concat(dirents);
        byte[] b = place(new byte[pages * 4096], 16, dir);
        for (int i = 1; i < pages; i++) {
            b[i * 4096] = (byte) i;
        }
        return putInt(putInt(b, 0, 0xa56d3ff9), 4, dir.length);
    }

    private static List<String> warnings(byte[] bootfs) throws ZbiFormatException {
        return Bootfs.parse(ByteBuffer.wrap(bootfs)).warnings().stream()
                .map(Problem::toString)
                .toList();
    }

    @Test
    void contentIsTheExactFileSliceOfTheRightPage() throws Exception {
        Bootfs b = Bootfs.parse(ByteBuffer.wrap(image(4, dirent("one", 1, 4096), dirent("three", 4097, 8192))));
        assertThat(b.entries()).extracting(BootfsEntry::pageAlignedLength).containsExactly(4096L, 8192L);
        ByteBuffer three = b.content(b.entries().get(1));
        assertThat(three.remaining()).isEqualTo(4097);
        assertThat(three.get(0)).isEqualTo((byte) 2);
        assertThat(three.get(4096)).isEqualTo((byte) 3);
        assertThat(b.content(b.entries().get(0)).get(0)).isEqualTo((byte) 1);
        assertThat(three.isReadOnly()).isTrue();
    }

    @Test
    void cleanDirectoryHasNoWarnings() throws Exception {
        assertThat(warnings(image(3, dirent("a/x", 1, 4096), dirent("a-b", 1, 8192))))
                .isEmpty();
        assertThat(warnings(image(3, dirent("a-b", 1, 4096), dirent("a/x", 1, 8192))))
                .as("byte order")
                .isEmpty();
    }

    @Test
    void emptyLastFileAtTheImageEndIsAcceptedWithTheToolRuleWarning() throws Exception {
        assertThat(warnings(image(2, dirent("a", 4, 4096), dirent("zz-empty", 0, 8192))))
                .containsExactly("warning: at 0x20: entry \"zz-empty\": offset+size too large");
    }

    @Test
    void nameRulesWarn() throws Exception {
        byte[] nul = direntRaw(4, 1, 4096, ascii("a\0b\0"));
        byte[] badUtf8 = direntRaw(3, 1, 4096, new byte[] {(byte) 0xc3, 0x28, 0});
        assertThat(warnings(image(
                        2,
                        direntRaw(1, 0, 4096, new byte[] {0}),
                        nul,
                        badUtf8,
                        dirent("x/./y", 1, 4096),
                        dirent("x/", 1, 4096))))
                .containsExactly(
                        "warning: at 0x10: entry \"\": empty filename",
                        "warning: at 0x20: entry \"a\\x00b\": bad filename encoding",
                        "warning: at 0x30: entry \"\ufffd(\": bad filename encoding",
                        "warning: at 0x40: entry \"x/./y\": bad path component",
                        "warning: at 0x54: entry \"x/\": bad path component",
                        "warning: at 0x40: entry \"x/./y\": directory not sorted");
    }

    @Test
    void duplicatesUnsortedPartialSharingDirectoryOverlapAndReservedFieldsWarn() throws Exception {
        byte[] b = image(4, dirent("b", 5000, 4096), dirent("a", 10, 8192), dirent("b", 1, 12288), dirent("c", 1, 0));
        putInt(b, 12, 9);
        assertThat(warnings(b))
                .containsExactly(
                        "warning: at 0x0: reserved field nonzero",
                        "warning: at 0x30: entry \"b\": duplicate filename",
                        "warning: at 0x40: entry \"c\": file overlaps directory",
                        "warning: at 0x20: entry \"a\": directory not sorted",
                        "warning: at 0x20: entry \"a\": partially shared data range");
    }

    @Test
    void identicalRangesAreSharingNotOverlap() throws Exception {
        assertThat(warnings(image(
                        3, dirent("a", 13, 4096), dirent("b", 13, 4096), dirent("c", 0, 4096), dirent("d", 100, 8192))))
                .isEmpty();
    }

    @Test
    void componentOrderPutsDirectoriesWhereTheToolPutsThem() {
        assertThat(BootfsOrder.COMPONENT_WISE.compare("a/x", "a-b")).isNegative();
        assertThat(BootfsOrder.BYTE_WISE.compare("a/x", "a-b")).isPositive();
        assertThat(BootfsOrder.COMPONENT_WISE.compare("bin/z", "bin/a/b")).isPositive();
        assertThat(BootfsOrder.COMPONENT_WISE.compare("\u00e9", "z")).isPositive();
    }

    @Test
    void directoryOnlyViewOfACompressedItemHasEntriesButNoContentUntilAsked() throws Exception {
        byte[] bootfs = image(3, dirent("a", 5, 4096), dirent("b", 6, 8192));
        byte[] zbi = RawZbi.container(RawZbi.item(0x42534642, Zstd.compress(bootfs, 3), bootfs.length, 0x30001));
        ZbiItem item = ZbiImage.read(ByteBuffer.wrap(zbi), "t").items().get(0);
        Bootfs dir = Bootfs.parseDirectory(item);
        assertThat(dir.hasContent()).isFalse();
        assertThat(dir.capacity()).isEqualTo(3 * 4096);
        assertThatThrownBy(() -> dir.content(dir.entries().get(0))).isInstanceOf(IllegalStateException.class);
        Bootfs full = dir.withContent(item);
        assertThat(full.entries()).isEqualTo(dir.entries());
        assertThat(full.content(full.entries().get(1)).get(0)).isEqualTo((byte) 2);
    }

    @Test
    void directoryOnlyParseStopsAtTheDirectoryEndSoALaterCorruptionIsNotSeen() throws Exception {
        byte[] bootfs = image(64, dirent("a", 5, 4096));
        byte[] lz4 = FailFixtures.lz4f(bootfs);
        byte[] zstd = Zstd.compress(bootfs, 1);
        for (byte[] payload : List.of(lz4, zstd)) {
            byte[] cut = java.util.Arrays.copyOf(payload, payload.length - 4);
            byte[] zbi = RawZbi.container(RawZbi.item(0x42534642, cut, bootfs.length, 0x30001));
            ZbiItem item = ZbiImage.read(ByteBuffer.wrap(zbi), "t").items().get(0);
            assertThat(Bootfs.parseDirectory(item).entries()).containsExactly(new BootfsEntry("a", 4096, 5, 16));
            assertThatThrownBy(item::payload).isInstanceOf(ZbiFormatException.class);
        }
    }

    @Test
    void parseErrorsCarryEntryNameAndDirentOffsetAndParseDirectoryAddsTheItem() throws Exception {
        byte[] bootfs = image(2, dirent("ok", 1, 4096), dirent("bad", 1, 100));
        assertThatThrownBy(() -> Bootfs.parse(ByteBuffer.wrap(bootfs)))
                .isInstanceOfSatisfying(ZbiFormatException.class, e -> {
                    assertThat(e.entryName()).isEqualTo("bad");
                    assertThat(e.offset()).isEqualTo(0x20);
                    assertThat(e.itemIndex()).isEqualTo(-1);
                    assertThat(e)
                            .hasMessage(
                                    "at 0x20: entry \"bad\": file offset is not a multiple of ZBI_BOOTFS_PAGE_SIZE");
                });
        byte[] zbi = RawZbi.container(RawZbi.item(0x42534642, Zstd.compress(bootfs, 3), bootfs.length, 0x30001));
        ZbiItem item = ZbiImage.read(ByteBuffer.wrap(zbi), "t").items().get(0);
        assertThatThrownBy(() -> Bootfs.parseDirectory(item))
                .hasMessage(
                        "item 0 (BOOTFS) at 0x20: entry \"bad\": file offset is not a multiple of ZBI_BOOTFS_PAGE_SIZE");
    }

    @Test
    void nameIsDecodedAsUtf8WithoutItsTerminator() throws Exception {
        Bootfs b = Bootfs.parse(ByteBuffer.wrap(image(2, dirent("d\u00e9j\u00e0/vu", 0, 4096))));
        assertThat(b.entries().get(0).name()).isEqualTo("d\u00e9j\u00e0/vu");
        assertThat(b.entries().get(0).name().getBytes(StandardCharsets.UTF_8)).hasSize(9);
    }
}
