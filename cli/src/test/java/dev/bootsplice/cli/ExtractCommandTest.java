package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
    @TempDir
    Path tmp;

    private static List<Path> regularFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void extractsEveryFileWithSharedRangesAsHardLinks() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("extract", image.toString(), "-o", out.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        for (Map.Entry<String, byte[]> f : TestImages.smallFiles().entrySet()) {
            assertThat(Files.readAllBytes(out.resolve(f.getKey())))
                    .as(f.getKey())
                    .isEqualTo(f.getValue());
        }
        assertThat(Files.isSameFile(out.resolve("bin/app"), out.resolve("bin/app-copy")))
                .isTrue();
        assertThat(regularFiles(out)).hasSize(5);
        assertThat(r.out())
                .isEqualTo("extracted 4 files (" + (23 + 3 * 4096 + 17 + 4) + " bytes, 1 hard link) to " + out
                        + System.lineSeparator());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void patternsSelectWithStarAcrossSlashesAndBangExcludes() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("extract", image.toString(), "-o", out.toString(), "lib*", "bin/app", "!*.bin");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(regularFiles(out)).containsExactly(out.resolve("bin/app"), out.resolve("lib/one.txt"));
    }

    @Test
    void patternsMatchingNothingAreAnError() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        Cli.Result r =
                Cli.run("extract", image.toString(), "-o", tmp.resolve("out").toString(), "nothing/*");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains(": no matching BOOTFS files");
    }

    @Test
    void hostileNamesAreRefusedOneLineEachAndTheRestIsExtracted() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("../evil", "x".getBytes(StandardCharsets.UTF_8));
        files.put("a/../../evil2", "x".getBytes(StandardCharsets.UTF_8));
        files.put("dup", "first".getBytes(StandardCharsets.UTF_8));
        files.put("./dup", "second".getBytes(StandardCharsets.UTF_8));
        files.put("ok/file", "ok".getBytes(StandardCharsets.UTF_8));
        Path image = TestImages.writeRawBootfs(tmp.resolve("hostile.bootfs"), files);
        Path out = Files.createDirectories(tmp.resolve("deep/out"));

        Cli.Result r = Cli.run("extract", image.toString(), "-o", out.toString());

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().lines())
                .containsExactly(
                        "bootsplice: " + image
                                + ": item 0 (BOOTFS) at 0x10: entry \"../evil\": not extracted: name has a \"..\" component",
                        "bootsplice: " + image
                                + ": item 0 (BOOTFS) at 0x24: entry \"a/../../evil2\": not extracted: name has a \"..\" component",
                        "bootsplice: " + image
                                + ": item 0 (BOOTFS) at 0x50: entry \"./dup\": not extracted: collides with \"dup\" extracted earlier");
        assertThat(regularFiles(tmp.resolve("deep"))).containsExactly(out.resolve("dup"), out.resolve("ok/file"));
        assertThat(Files.readString(out.resolve("dup"))).isEqualTo("first");
        assertThat(r.out()).contains("; 3 refused");
    }

    @Test
    void aSymlinkPlantedInTheOutputFolderIsRefused() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(out.resolve("lib"), outside);

        Cli.Result r = Cli.run("extract", image.toString(), "-o", out.toString(), "--force");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("entry \"lib/one.txt\": not extracted: \"lib\" is a symbolic link");
        assertThat(regularFiles(outside)).isEmpty();
        assertThat(Files.readAllBytes(out.resolve("bin/app")))
                .isEqualTo(TestImages.smallFiles().get("bin/app"));
    }

    @Test
    void existingFilesAreKeptUnlessForce() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        Path out = Files.createDirectories(tmp.resolve("out/lib"));
        Files.writeString(out.resolve("one.txt"), "mine");

        Cli.Result kept =
                Cli.run("extract", image.toString(), "-o", tmp.resolve("out").toString());
        assertThat(kept.exitCode()).isEqualTo(3);
        assertThat(kept.err())
                .contains("entry \"lib/one.txt\": not extracted: already exists (use --force to overwrite)");
        assertThat(Files.readString(out.resolve("one.txt"))).isEqualTo("mine");

        Cli.Result forced =
                Cli.run("extract", image.toString(), "-o", tmp.resolve("out").toString(), "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(Files.readString(out.resolve("one.txt"))).isEqualTo("one\n");
    }

    @Test
    void itemsBecomeOneItemZbisAndRawPayloadsAreDecompressed() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        Path out = tmp.resolve("items");
        Cli.Result r = Cli.run("extract", image.toString(), "-o", out.toString(), "--items", "--raw");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(regularFiles(out))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("001.bootfs.bin", "001.bootfs.zbi", "002.cmdline.bin", "002.cmdline.zbi");

        try (ZbiImage original = ZbiImage.open(image);
                ZbiImage one = ZbiImage.open(out.resolve("001.bootfs.zbi"))) {
            ZbiItem item = original.items().get(0);
            assertThat(one.items()).hasSize(1);
            assertThat(one.items().get(0).header()).isEqualTo(item.header());
            assertThat(one.items().get(0).rawPayload()).isEqualTo(item.rawPayload());
            ByteBuffer payload = item.payload();
            assertThat(ByteBuffer.wrap(Files.readAllBytes(out.resolve("001.bootfs.bin"))))
                    .isEqualTo(payload);
        }
        assertThat(Files.readString(out.resolve("002.cmdline.bin"))).isEqualTo("console=serial\0");
    }

    @Test
    void aTruncatedImageIsOneLineExit3WithoutExceptionNames() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        byte[] bytes = Files.readAllBytes(image);
        Path cut = Files.write(tmp.resolve("cut.zbi"), java.util.Arrays.copyOf(bytes, bytes.length - 100));
        Cli.Result r =
                Cli.run("extract", cut.toString(), "-o", tmp.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err())
                .startsWith("bootsplice: " + cut + ": ")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void aMissingImageIsExit3AndAMissingOutputOptionIsExit2() {
        Cli.Result missing = Cli.run("extract", tmp.resolve("nope.zbi").toString(), "-o", tmp.toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err())
                .isEqualTo("bootsplice: " + tmp.resolve("nope.zbi") + ": no such file or directory"
                        + System.lineSeparator());
        assertThat(Cli.run("extract", "x.zbi").exitCode()).isEqualTo(2);
    }

    @TestFactory
    Stream<DynamicTest> extractedFilesMatchTheReferenceToolsHashes() throws Exception {
        Path expected = Corpus.root().resolve("expected");
        List<Path> oracles = new ArrayList<>();
        try (Stream<Path> s = Files.list(expected)) {
            s.filter(p -> p.toString().endsWith(".files.sha256")).sorted().forEach(oracles::add);
        }
        assertThat(oracles).isNotEmpty();
        return oracles.stream()
                .map(oracle -> DynamicTest.dynamicTest(oracle.getFileName().toString(), () -> {
                    Path out = tmp.resolve(oracle.getFileName().toString());
                    Cli.Result r = Cli.run("extract", Corpus.imageFor(oracle).toString(), "-o", out.toString());
                    assertThat(r.exitCode()).as(r.toString()).isZero();
                    List<String> actual = new ArrayList<>();
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    for (Path f : regularFiles(out)) {
                        String name = out.relativize(f).toString();
                        actual.add(HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f))) + "  " + name);
                    }
                    actual.sort((a, b) -> a.substring(66).compareTo(b.substring(66)));
                    assertThat(actual).containsExactlyElementsOf(Files.readAllLines(oracle));
                }));
    }
}
