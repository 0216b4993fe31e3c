package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Size budgets on `profile` and `verify`: pass at their threshold, fail one byte below, show in every format. */
class SizeBudgetCommandTest {
    @TempDir
    Path tmp;

    private Path image;
    private long total;

    @BeforeEach
    void image() throws Exception {
        image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        try (dev.bootsplice.format.ZbiImage zbi = dev.bootsplice.format.ZbiImage.open(image)) {
            total = dev.bootsplice.diff.ImageInventory.of(zbi, "small").uncompressedSize(n -> true);
        }
        assertThat(total).isPositive();
    }

    @Test
    void verifyPassesAtTheThresholdAndExitsFourAboveIt() {
        Cli.Result held = Cli.run("verify", image.toString(), "--fail-on=size[*]>" + total);
        assertThat(held.exitCode()).as(held.toString()).isZero();
        assertThat(held.out())
                .startsWith("OK ")
                .contains("size[*]>" + total + ": actual " + String.format("%,d", total));
        Cli.Result over = Cli.run("verify", image.toString(), "--fail-on=size[*]>" + (total - 1));
        assertThat(over.exitCode()).as(over.toString()).isEqualTo(4);
        assertThat(over.err()).contains("bootsplice: check failed: size[*]>" + (total - 1));
        assertThat(Cli.run("verify", image.toString(), "--fail-on=clone.lookup.hops.max>0")
                        .exitCode())
                .isEqualTo(2);
    }

    @Test
    void profileReportsSizeBudgetsInTextMarkdownHtmlAndJunit() throws Exception {
        String budget = "--fail-on=size[*]>" + (total - 1);
        Path xml = tmp.resolve("r.xml");
        Path md = tmp.resolve("r.md");
        Path html = tmp.resolve("r.html");
        Cli.Result r = Cli.run(
                "profile",
                image.toString(),
                budget,
                "--fail-on=size[nothing*].compressed>=0",
                "-o",
                xml.toString(),
                "-o",
                md.toString(),
                "-o",
                html.toString(),
                "--format=junit",
                "--format=markdown",
                "--format=html",
                "--format=text");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.out()).contains("size[*]>" + (total - 1) + ": actual");
        assertThat(Files.readString(xml))
                .contains("classname=\"bootsplice.profile.size\" name=\"size[*]&gt;" + (total - 1) + "\"")
                .contains("type=\"size-budget\"");
        assertThat(Files.readString(md).lines().findFirst().orElseThrow()).endsWith("❌ 2 of 2 budgets failed");
        assertThat(Files.readString(html))
                .contains("FAIL</span> size[nothing*].compressed&gt;=0: actual 0 bytes (0 B compressed)"
                        + " in 0 files (FAILED)");
    }
}
