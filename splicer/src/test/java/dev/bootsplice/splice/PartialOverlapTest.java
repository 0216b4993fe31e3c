package dev.bootsplice.splice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.testing.TestImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PartialOverlapTest {

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void partiallyOverlappingRangesAreRefusedNamingBothFiles(Strategy strategy) throws Exception {
        byte[] bootfs = TestImages.handBuiltBootfs(5 * 4096, "a", 4096, 8192, "b", 8192, 8192);
        ZbiImage image = TestImages.image(bootfs, "overlap.bootfs");
        assertThatThrownBy(() -> Splicer.splice(image, strategy, ProgressListener.NONE))
                .isInstanceOf(SpliceException.class)
                .hasMessage("entry \"b\": data range 0x2000+0x2000 partially overlaps \"a\" (0x1000+0x2000);"
                        + " partially shared data ranges (rule F19) cannot be spliced");
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void aRangeNestedInsideAnotherIsRefused(Strategy strategy) throws Exception {
        byte[] bootfs = TestImages.handBuiltBootfs(5 * 4096, "big", 4096, 3 * 4096, "inner", 8192, 10);
        ZbiImage image = TestImages.image(bootfs, "nested.bootfs");
        assertThatThrownBy(() -> Splicer.splice(image, strategy, ProgressListener.NONE))
                .isInstanceOf(SpliceException.class)
                .hasMessageContaining("\"inner\"")
                .hasMessageContaining("\"big\"")
                .hasMessageContaining("rule F19");
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void oneRangeWithTwoDifferentSizesIsRefused(Strategy strategy) throws Exception {
        byte[] bootfs = TestImages.handBuiltBootfs(3 * 4096, "a", 4096, 100, "b", 4096, 200);
        ZbiImage image = TestImages.image(bootfs, "sizes.bootfs");
        assertThatThrownBy(() -> Splicer.splice(image, strategy, ProgressListener.NONE))
                .isInstanceOf(SpliceException.class)
                .hasMessageContaining("entry \"b\": shares data range 0x1000+0x1000 with \"a\"");
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void adjacentRangesAndIdenticalRangesSplice(Strategy strategy) throws Exception {
        byte[] bootfs = TestImages.handBuiltBootfs(4 * 4096, "a", 4096, 4096, "b", 8192, 4097, "c", 8192, 4097);
        ZbiImage image = TestImages.image(bootfs, "adjacent.bootfs");
        SpliceResult result = Splicer.splice(image, strategy, ProgressListener.NONE);
        assertThat(result.files()).extracting(SplicedFile::sharesRangeWith).containsExactly(null, null, "b");
        assertThat(result.readFile("c")).isEqualTo(result.readFile("b")).hasSize(4097);
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void anImageWithoutBootfsIsRefused(Strategy strategy) throws Exception {
        byte[] zbi = new dev.bootsplice.format.ZbiWriter()
                .addItem(dev.bootsplice.format.ItemType.CMDLINE, 0, java.nio.ByteBuffer.wrap(new byte[] {'x', 0}))
                .toBytes();
        ZbiImage image = TestImages.image(zbi, "cmdline.zbi");
        assertThatThrownBy(() -> Splicer.splice(image, strategy, ProgressListener.NONE))
                .isInstanceOf(SpliceException.class)
                .hasMessageStartingWith("no BOOTFS item");
    }
}
