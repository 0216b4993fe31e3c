package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The held-out inputs of issue 13 that need no child JVM: a length-0 BOOTFS item, data whose CRC mismatches,
 * an extraction into a tree that already holds every file, and a profile whose report file exists.
 */
class HeldOutInputsTest {
    @TempDir
    Path tmp;

    private Path emptyBootfs() throws IOException {
        return Files.write(
                tmp.resolve("empty-bootfs.zbi"),
                HardeningImages.container(
                        HardeningImages.item(HardeningImages.BOOTFS, new byte[0], 0, HardeningImages.VERSION)));
    }

    @Test
    void aLengthZeroBootfsIsListedAsTheReferenceListsItAndExitsZero() throws Exception {
        Path image = emptyBootfs();
        Cli.Result r = Cli.run("list", "--format=zbi", image.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines().toList())
                .containsExactly(
                        "INCOMPLETE: first item not KERNEL",
                        "00000020: 00000000 BOOTFS (size=00000000)",
                        "        :          MAGIC=b5781729 NO CRC");
        // verify still applies zbitl's rule for opening a BOOTFS of no bytes.
        assertThat(Cli.run("verify", image.toString()).err())
                .contains("item 0 (BOOTFS) at 0x0: storage smaller than BOOTFS header size (truncated?)");
    }

    @Test
    void aLengthZeroBootfsListsLikeTheReferenceTool() throws Exception {
        Path zbi = Path.of(System.getProperty("bootsplice.corpus", "../shared/corpus"))
                .resolveSibling("tools/zbi");
        assumeTrue(Files.isExecutable(zbi), "reference tool not found at " + zbi + " (clone without ../shared)");
        Path image = emptyBootfs();
        Process p = new ProcessBuilder(zbi.toString(), "-t", "-v", image.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        Cli.Result r = Cli.run("list", "--format=zbi", image.toString());
        assertThat(r.out()).isEqualTo(out);
        assertThat(r.exitCode()).isEqualTo(p.exitValue()).isZero();
    }

    /** Returns a ZBI whose CRC-checked BOOTFS item has one data byte flipped after its CRC was computed. */
    private Path withCrcMismatch() throws IOException {
        byte[] names = HardeningImages.bootfsOfNames(List.of("a", "b"));
        byte[] item = HardeningImages.bootfsItem(names);
        item[32 + names.length - 1] ^= 0x01; // the last byte of file "b"'s page: data, not the directory
        return Files.write(tmp.resolve("crc.zbi"), HardeningImages.container(item));
    }

    @Test
    void extractSpliceAndProfileWarnInOneLineWhenTheyUseDataWhoseCrcMismatches() throws Exception {
        Path image = withCrcMismatch();
        String warning = "bootsplice: " + image + ": warning: item 0 (BOOTFS) at 0x20: CRC mismatch: ";
        Cli.Result extract =
                Cli.run("extract", image.toString(), "-o", tmp.resolve("out").toString());
        Cli.Result splice = Cli.run("splice", image.toString(), "--strategy=transfer");
        Cli.Result profile = Cli.run("profile", image.toString(), "--strategies=transfer");
        assertThat(extract.err().lines().toList())
                .as(extract.toString())
                .containsExactly(warning + "extracting the data anyway");
        assertThat(splice.err().lines().toList()).containsExactly(warning + "splicing the data anyway");
        assertThat(profile.err().lines().toList()).containsExactly(warning + "profiling the data anyway");
        for (Cli.Result r : List.of(extract, splice, profile)) {
            assertThat(r.exitCode()).as(r.toString()).isZero();
        }
        assertThat(Cli.run("verify", image.toString()).exitCode()).isEqualTo(3);
    }

    @Test
    void extractIntoATreeThatHoldsEveryFileShowsTheFirstRefusalsAndOneCountLine() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            names.add(String.format("f%02d", i));
        }
        Path image = Files.write(tmp.resolve("many.bootfs"), HardeningImages.bootfsOfNames(names));
        Path out = tmp.resolve("out");
        assertThat(Cli.run("extract", image.toString(), "-o", out.toString()).exitCode())
                .isZero();

        Cli.Result again = Cli.run("extract", image.toString(), "-o", out.toString());

        assertThat(again.exitCode()).isEqualTo(3);
        List<String> lines = again.err().lines().toList();
        assertThat(lines).as(again.toString()).hasSize(Extraction.REFUSALS_SHOWN + 1);
        assertThat(lines.subList(0, Extraction.REFUSALS_SHOWN))
                .allMatch(l -> l.endsWith(": not extracted: already exists (use --force to overwrite)"));
        assertThat(lines.get(Extraction.REFUSALS_SHOWN))
                .isEqualTo("bootsplice: " + image + ": "
                        + (40 - Extraction.REFUSALS_SHOWN)
                        + " more names not extracted; 40 of the 40 refused names already"
                        + " exist (use --force to overwrite)");
        assertThat(again.out()).isEqualTo("extracted 0 files (0 bytes) to " + out + "; 40 refused\n");
    }

    @Test
    void profileRefusesAnExistingReportBeforeItReadsTheImage() throws Exception {
        Path report = Files.writeString(tmp.resolve("report.json"), "{}");
        Path missing = tmp.resolve("no-such-image.zbi");
        Cli.Result r = Cli.run("profile", missing.toString(), "--format=json", "-o", report.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().lines().toList())
                .containsExactly("bootsplice: " + report + ": already exists (use --force to overwrite)");
        assertThat(Files.readString(report)).isEqualTo("{}");
    }
}
