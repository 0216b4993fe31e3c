package dev.bootsplice.format;

import static dev.bootsplice.format.RawZbi.ascii;
import static dev.bootsplice.format.RawZbi.container;
import static dev.bootsplice.format.RawZbi.dirent;
import static dev.bootsplice.format.RawZbi.item;
import static dev.bootsplice.format.RawZbi.place;
import static dev.bootsplice.format.RawZbi.putInt;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The compatible listing's behaviour on inputs the corpus does not cover. */
class ZbiToolListingTest {
    static final int BOOTFS = 0x42534642;
    static final int CMDLINE = 0x4c444d43;

    private static ZbiToolListing.Result list(byte[] zbi) throws ZbiFormatException {
        return ZbiToolListing.render(ZbiImage.read(ByteBuffer.wrap(zbi), "t"));
    }

    private static byte[] bootfs(byte[]... dirents) {
        byte[] dir = RawZbi.concat(dirents);
        byte[] b = place(new byte[2 * 4096], 16, dir);
        return putInt(putInt(b, 0, 0xa56d3ff9), 4, dir.length);
    }

    @Test
    void misalignedAndOversizedEntriesAreTaggedAndExitOne() throws Exception {
        byte[] b = bootfs(dirent("a", 4, 0x1001), dirent("b", 0x2000, 0x1000));
        ZbiToolListing.Result r = list(container(item(BOOTFS, b, 0, 0x30000)));
        assertThat(r.stdout())
                .containsSubsequence(
                        "        : 00001001 00000004 [ERROR: misaligned offset] a",
                        "        : 00001000 00002000 [ERROR: offset+size too large] b");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void truncatedDirectoryIsReportedOnStderrWithoutChangingTheStatus() throws Exception {
        byte[] b = putInt(bootfs(dirent("abcdefgh", 4, 0x1000)), 4, 20);
        ZbiToolListing.Result r = list(container(item(BOOTFS, b, 0, 0x30000)));
        assertThat(r.stdout()).contains("        : 00001000 00000004 abcdefgh");
        assertThat(r.stderr()).containsExactly("BOOTFS directory truncated or bad name_len");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void bootfsItemWithoutBootfsMagicFailsTheListing() throws Exception {
        ZbiToolListing.Result r = list(container(item(BOOTFS, new byte[32], 0, 0x30000)));
        assertThat(r.stderr()).containsExactly("BOOTFS header magic 0 should be 0xa56d3ff9");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(list(container(item(BOOTFS, new byte[8], 0, 0x30000))).stderr())
                .containsExactly("payload too short for BOOTFS header");
    }

    @Test
    void cmdlineWordsSplitOnWhitespaceAndStopAtNul() throws Exception {
        ZbiToolListing.Result r = list(container(item(CMDLINE, ascii(" a=1\tb=2\r\n\nc=3\0junk"), 0, 0x30000)));
        assertThat(r.stdout()).containsSequence("        : a=1", "        : b=2", "        : c=3");
        assertThat(r.stdout()).noneMatch(l -> l.contains("junk"));
        assertThat(list(container(item(CMDLINE, ascii("x \0"), 0, 0x30000))).stdout())
                .endsWith("        : x");
    }

    @Test
    void decompressionFailureStopsTheListingWithStatusOne() throws Exception {
        byte[] bad = item(0x4b534452, ascii("\u0028\u00b5\u002f"), 26, 0x30001);
        ZbiToolListing.Result r = list(container(bad, item(CMDLINE, ascii("x"), 0, 0x30000)));
        assertThat(r.stderr()).containsExactly("compressed payload too small for header");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout()).noneMatch(l -> l.contains("CMDLINE"));
    }

    @Test
    void verdictUsesThe2020CompleteRules() throws Exception {
        byte[] kernel = item(0x4c4e524b, new byte[16], 0, 0x10000);
        byte[] b = bootfs(dirent("a", 4, 0x1000));
        assertThat(list(container(kernel, item(BOOTFS, b, 0, 0x30000))).stdout().get(0))
                .isEqualTo("COMPLETE: bootable image");
        assertThat(list(container(kernel, item(BOOTFS, b, 0, 0x30000), item(BOOTFS, b, 0, 0x30000)))
                        .stdout()
                        .get(0))
                .isEqualTo("INCOMPLETE: multiple BOOTFS items");
        assertThat(list(container(kernel)).stdout().get(0)).isEqualTo("INCOMPLETE: no /boot BOOTFS item");
    }
}
