package dev.bootsplice.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootsplice.diff.ImageInventory;
import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.testing.TestImages;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SizeBudgetTest {
    private static ImageInventory image;

    @BeforeAll
    static void image() throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("bin/app", new byte[6000]);
        files.put("bin/sub/tool", TestImages.tagged(0, 100, 2));
        files.put("lib/libc.so", TestImages.tagged(2, 808, 3));
        try (ZbiImage zbi = TestImages.image(TestImages.zbi(files, Compression.DEFAULT), "sizes.zbi")) {
            image = ImageInventory.of(zbi, "sizes.zbi");
        }
    }

    @Test
    void aSizeBudgetFailsExactlyAboveItsThreshold() {
        assertThat(SizeBudget.parse("size[bin/**]>6100").evaluate(image).failed())
                .isFalse();
        assertThat(SizeBudget.parse("size[bin/**]>6099").evaluate(image).failed())
                .isTrue();
        assertThat(SizeBudget.parse("size[*]>=15100").evaluate(image).failed()).isTrue();
        assertThat(SizeBudget.parse("size[*]>15100").evaluate(image).failed()).isFalse();
        assertThat(SizeBudget.parse("size[lib/*.so] > 8KiB").evaluate(image).bytes())
                .isEqualTo(9000);
    }

    @Test
    void theGlobFollowsExtractPatternsWhereStarAlsoMatchesSlash() {
        assertThat(SizeBudget.parse("size[bin/*]>0").evaluate(image).files()).isEqualTo(2);
        assertThat(SizeBudget.parse("size[bin/?pp]>0").evaluate(image).files()).isEqualTo(1);
        assertThat(SizeBudget.parse("size[nothing/**]>0").evaluate(image).bytes())
                .isZero();
    }

    @Test
    void theCompressedVariantMeasuresTheFilesAsOneZstdStream() {
        SizeBudgetResult zeros =
                SizeBudget.parse("size[bin/app].compressed>1KiB").evaluate(image);
        assertThat(zeros.budget().compressed()).isTrue();
        assertThat(zeros.bytes()).isPositive().isLessThan(100);
        assertThat(zeros.failed()).isFalse();
        assertThat(zeros.message())
                .isEqualTo("size[bin/app].compressed>1KiB: actual " + zeros.bytes() + " bytes (" + zeros.bytes()
                        + " B compressed) in 1 file (ok)");
    }

    @Test
    void badSizeBudgetsSayWhatIsWrong() {
        assertThat(SizeBudget.isSizeBudget(" size[*]>1")).isTrue();
        assertThat(SizeBudget.isSizeBudget("copy.bootCost.modeledNs>1")).isFalse();
        assertThatThrownBy(() -> SizeBudget.parse("size[bin]")).hasMessageContaining("expected size[GLOB] OP SIZE");
        assertThatThrownBy(() -> SizeBudget.parse("size[bin]>8MB")).hasMessageContaining("unknown unit \"MB\"");
        assertThatThrownBy(() -> SizeBudget.parse("size[bin].zipped>8")).hasMessageContaining("expected size[GLOB]");
    }

    @Test
    void unitsAreBinaryAndWordsAgreeWithTheirCount() {
        assertThat(Threshold.parse("<=", "8MiB").value()).isEqualTo(8 << 20);
        assertThat(Threshold.parse(">", "1.5K").value()).isEqualTo(1536);
        assertThat(Threshold.parse(">", "-1MiB").holds(-2 << 20)).isFalse();
        assertThat(Units.count(1, "file")).isEqualTo("1 file");
        assertThat(Units.count(2, "hop")).isEqualTo("2 hops");
        assertThat(Units.count(0, "file")).isEqualTo("0 files");
        assertThat(Units.bytes(3 << 20)).isEqualTo("3.0 MiB");
        assertThat(Units.bytesDelta(-512)).isEqualTo("-512 B");
    }
}
