package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ItemTypeTest {

    @Test
    void knownCodesMapToInternedConstantsWithCanonicalNames() {
        assertThat(ItemType.of(0x42534642)).isSameAs(ItemType.BOOTFS);
        assertThat(ItemType.of(0x5254534b).name()).isEqualTo("KERNEL");
        assertThat(ItemType.of(0x444e4152).name()).isEqualTo("ENTROPY");
        assertThat(ItemType.of(0xd00dfeed).extension()).isEqualTo(".dtb");
        assertThat(ItemType.CMDLINE.extension()).isEqualTo(".txt");
    }

    @Test
    void unknownCodesAreAcceptedAndListedAsTheReferenceToolDoes() {
        ItemType t = ItemType.of(0x12345678);
        assertThat(t.name()).isNull();
        assertThat(t.displayName()).isEqualTo("UNKNOWN (type=12345678)");
        assertThat(t.fourCc()).isEqualTo("xV4.");
        assertThat(ItemType.CPU_TOPOLOGY.displayName()).isEqualTo("UNKNOWN (type=43505533)");
    }

    @Test
    void storageClassIsExactlyRamdiskBootfsAndStorageKernel() {
        assertThat(ItemType.knownTypes().values().stream().filter(ItemType::isStorage))
                .containsExactly(ItemType.RAMDISK, ItemType.BOOTFS, ItemType.STORAGE_KERNEL);
        assertThat(ItemType.BOOTFS_FACTORY.isStorage()).isFalse();
    }

    @Test
    void kernelClassIsDecidedByTheKrnPrefix() {
        assertThat(ItemType.KERNEL_X64.isKernel()).isTrue();
        assertThat(ItemType.KERNEL_RISCV64.isKernel()).isTrue();
        assertThat(ItemType.of(0x7a4e524b).isKernel()).isTrue();
        assertThat(ItemType.STORAGE_KERNEL.isKernel()).isFalse();
        assertThat(ItemType.DRV_BOARD_INFO.isDriverMetadata()).isTrue();
    }

    @Test
    void parseAcceptsNamesCaseInsensitivelyAndHexWithOrWithoutPrefix() {
        assertThat(ItemType.parse("bootfs")).isSameAs(ItemType.BOOTFS);
        assertThat(ItemType.parse("Kernel_X64")).isSameAs(ItemType.KERNEL_X64);
        assertThat(ItemType.parse("4c465442")).isSameAs(ItemType.BOOTLOADER_FILE);
        assertThat(ItemType.parse("0xd00dfeed")).isSameAs(ItemType.DEVICETREE);
        assertThat(ItemType.parse("0X1").code()).isEqualTo(1);
    }

    @Test
    void parseRejectsTextThatIsNeitherNameNorHex() {
        assertThatThrownBy(() -> ItemType.parse("bogus")).hasMessage("unrecognized type: bogus");
        assertThatThrownBy(() -> ItemType.parse("0x")).hasMessage("unrecognized type: 0x");
        assertThatThrownBy(() -> ItemType.parse("123456789")).hasMessage("unrecognized type: 123456789");
    }

    @Test
    void codecsAreDetectedByTheirLittleEndianFrameMagic() {
        assertThat(Codec.detect(ByteBuffer.wrap(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0})))
                .contains(Codec.ZSTD);
        assertThat(Codec.detect(ByteBuffer.wrap(new byte[] {0x04, 0x22, 0x4d, 0x18})))
                .contains(Codec.LZ4F);
        assertThat(Codec.detect(ByteBuffer.wrap(new byte[] {0x04, 0x22, 0x4d}))).isEmpty();
        assertThat(Codec.detect(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}))).isEmpty();
        assertThat(Codec.ZSTD.displayName()).isEqualTo("zstd");
        assertThat(Codec.LZ4F.displayName()).isEqualTo("lz4f");
    }

    @Test
    void formatExceptionMessageNamesItemOffsetEntryAndReason() {
        ZbiFormatException e = new ZbiFormatException(
                "file offset is not a multiple of ZBI_BOOTFS_PAGE_SIZE", 1, ItemType.BOOTFS, 0x24, "bin/sh");
        assertThat(e)
                .hasMessage("item 1 (BOOTFS) at 0x24: entry \"bin/sh\": "
                        + "file offset is not a multiple of ZBI_BOOTFS_PAGE_SIZE");
        assertThat(Problem.of(e).message()).isEqualTo(e.getMessage());
        assertThat(Problem.of(e))
                .hasToString("error: item 1 (BOOTFS) at 0x24: entry \"bin/sh\": "
                        + "file offset is not a multiple of ZBI_BOOTFS_PAGE_SIZE");
        assertThat(new ZbiFormatException("container header doesn't fit. Truncated?", 0))
                .hasMessage("at 0x0: container header doesn't fit. Truncated?");
    }
}
