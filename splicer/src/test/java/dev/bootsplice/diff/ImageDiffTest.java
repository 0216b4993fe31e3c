package dev.bootsplice.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootsplice.diff.ImageDiff.Changed;
import dev.bootsplice.diff.ImageDiff.FileEntry;
import dev.bootsplice.diff.ImageDiff.PrefixDelta;
import dev.bootsplice.diff.ImageDiff.Renamed;
import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.report.ReportFormat;
import dev.bootsplice.testing.TestImages;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ImageDiffTest {
    static Map<String, byte[]> oldFiles() {
        Map<String, byte[]> f = new TreeMap<>();
        f.put("bin/app", TestImages.tagged(1, 904, 1));
        f.put("bin/tool", TestImages.tagged(0, 100, 2));
        f.put("lib/libc.so", TestImages.tagged(2, 808, 3));
        f.put("data/conf", TestImages.tagged(0, 10, 4));
        f.put("data/empty", new byte[0]);
        f.put("meta/old", TestImages.tagged(0, 300, 5));
        return f;
    }

    /** bin/app changed (+1,000 bytes), data/conf renamed, meta/old removed, lib/extra.so and meta/new added. */
    static Map<String, byte[]> newFiles() {
        Map<String, byte[]> f = new TreeMap<>(oldFiles());
        f.put("bin/app", TestImages.tagged(1, 1904, 9));
        f.put("data/conf2", f.remove("data/conf"));
        f.remove("meta/old");
        f.put("meta/new", TestImages.tagged(0, 700, 6));
        f.put("lib/extra.so", TestImages.tagged(0, 2000, 7));
        return f;
    }

    static ImageInventory inventory(Map<String, byte[]> files, String name) throws Exception {
        try (ZbiImage image = TestImages.image(TestImages.zbi(files, Compression.DEFAULT), name)) {
            return ImageInventory.of(image, name);
        }
    }

    private static ImageDiff diff(int depth) throws Exception {
        return ImageDiff.between(inventory(oldFiles(), "old.zbi"), inventory(newFiles(), "new.zbi"), depth);
    }

    @Test
    void theDiffOfTwoGeneratedImagesReportsExactlyTheirKnownChanges() throws Exception {
        ImageDiff.Files f = diff(1).files();
        assertThat(f.added()).containsExactly(new FileEntry("lib/extra.so", 2000), new FileEntry("meta/new", 700));
        assertThat(f.removed()).containsExactly(new FileEntry("meta/old", 300));
        assertThat(f.changed()).containsExactly(new Changed("bin/app", 5000, 6000, 1000));
        assertThat(f.renamed()).containsExactly(new Renamed("data/conf", "data/conf2", 10));
        assertThat(f.unchanged()).isEqualTo(3);
    }

    @Test
    void bytesAreSummedPerDirectoryPrefixAtTheChosenDepth() throws Exception {
        assertThat(diff(1).prefixes())
                .containsExactly(
                        new PrefixDelta("bin", 2, 2, 5100, 6100, 1000),
                        new PrefixDelta("data", 2, 2, 10, 10, 0),
                        new PrefixDelta("lib", 1, 2, 9000, 11000, 2000),
                        new PrefixDelta("meta", 1, 1, 300, 700, 400));
        assertThat(ImageDiff.prefix("a/b/c/file", 2)).isEqualTo("a/b");
        assertThat(ImageDiff.prefix("a/file", 3)).isEqualTo("a");
        assertThat(ImageDiff.prefix("file", 1)).isEqualTo(".");
    }

    @Test
    void sizesAreTheBootfsItemsAndTheWholeImages() throws Exception {
        ImageInventory old = inventory(oldFiles(), "old.zbi");
        ImageInventory neu = inventory(newFiles(), "new.zbi");
        ImageDiff d = ImageDiff.between(old, neu, 1);
        assertThat(d.sizes().bootfs().delta())
                .isEqualTo(neu.bootfsBytes() - old.bootfsBytes())
                .isPositive();
        assertThat(d.sizes().compressed().neu())
                .isEqualTo(neu.compressedBytes())
                .isLessThan(neu.bootfsBytes());
        assertThat(d.sizes().image().delta()).isEqualTo(neu.imageBytes() - old.imageBytes());
        assertThat(d.items().added()).isEmpty();
        assertThat(d.items().removed()).isEmpty();
        assertThat(d.metrics())
                .containsEntry("files.added", 2.0)
                .containsEntry("files.renamed", 1.0)
                .containsEntry("prefix[lib].bytes.delta", 2000.0)
                .containsEntry("files.count.delta", 1.0);
    }

    @Test
    void diffBudgetsFailWhenTheirComparisonIsTrueAtTheirThresholds() throws Exception {
        ImageDiff d = diff(1);
        assertThat(DiffBudget.parse("files.added>2").evaluate(d).failed()).isFalse();
        assertThat(DiffBudget.parse("files.added>1").evaluate(d).failed()).isTrue();
        assertThat(DiffBudget.parse("prefix[lib].bytes.delta>=2000").evaluate(d).failed())
                .isTrue();
        assertThat(DiffBudget.parse("bootfs.bytes.delta>1MiB").evaluate(d).message())
                .startsWith("bootfs.bytes.delta>1MiB: actual ")
                .endsWith("(ok)");
        assertThatThrownBy(() -> DiffBudget.parse("files.bogus>1").evaluate(d))
                .hasMessageContaining("no metric \"files.bogus\"")
                .hasMessageContaining("files.added");
        assertThatThrownBy(() -> DiffBudget.parse("files.added>>1")).hasMessageContaining("expected OP NUMBER[UNIT]");
        assertThatThrownBy(() -> DiffBudget.parse("files.added>1XB")).hasMessageContaining("unknown unit");
    }

    @Test
    void theDiffIsWrittenAsTextJsonAndMarkdown() throws Exception {
        ImageDiff d = diff(1);
        List<dev.bootsplice.report.Check> checks =
                List.of(DiffBudget.parse("files.added>1").evaluate(d));
        StringWriter text = new StringWriter();
        DiffReports.write(d, checks, ReportFormat.TEXT, text);
        assertThat(text.toString())
                .startsWith("diff old.zbi -> new.zbi: 2 files added, 1 removed, 1 changed, 1 renamed;")
                .contains("renamed  data/conf -> data/conf2 (10 bytes)")
                .contains("added    lib/extra.so (2,000 bytes)")
                .contains("files.added>1: actual 2 (FAILED)");
        StringWriter md = new StringWriter();
        DiffReports.write(d, checks, ReportFormat.MARKDOWN, md);
        assertThat(md.toString().lines().findFirst().orElseThrow())
                .startsWith("`old.zbi` → `new.zbi`: 2 files added")
                .endsWith("· ❌ 1 of 1 budget failed");
        assertThat(md.toString()).contains("<details><summary>Files renamed (1)</summary>");
        StringWriter json = new StringWriter();
        DiffReports.write(d, checks, ReportFormat.JSON, json);
        assertThat(json.toString())
                .contains("\"renamed\" : [ {")
                .contains("\"from\" : \"data/conf\"")
                .contains("\"new\" : {")
                .contains("\"failed\" : true");
        assertThatThrownBy(() -> DiffReports.write(d, checks, ReportFormat.HTML, new StringWriter()))
                .hasMessageContaining("text, json or markdown");
    }

    @Test
    void anInventoryReadWithoutContentStillDiffsButHasNoCompressedSizes() throws Exception {
        ImageInventory light;
        try (ZbiImage image = TestImages.image(TestImages.zbi(oldFiles(), Compression.DEFAULT), "old.zbi")) {
            light = ImageInventory.of(image, "old.zbi", false);
        }
        ImageDiff d = ImageDiff.between(light, inventory(newFiles(), "new.zbi"), 1);
        assertThat(d.files().renamed()).hasSize(1);
        assertThat(light.uncompressedSize(n -> true))
                .isEqualTo(inventory(oldFiles(), "old.zbi").uncompressedSize(n -> true));
        assertThatThrownBy(() -> light.compressedSize(n -> true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("old.zbi");
    }
}
