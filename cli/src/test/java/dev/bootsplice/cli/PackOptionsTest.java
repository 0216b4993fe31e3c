package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference tool's capabilities in {@code pack} and {@code list}: issue 14, item 2. */
class PackOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path a;
    private Path b;

    @BeforeEach
    void trees() throws Exception {
        a = tmp.resolve("a");
        b = tmp.resolve("b");
        Files.createDirectories(a.resolve("bin"));
        Files.createDirectories(b.resolve("bin"));
        Files.writeString(a.resolve("bin/app"), "old app\n");
        Files.writeString(a.resolve("bin/tool"), "tool\n");
        Files.writeString(b.resolve("bin/app"), "new app!\n");
    }

    private JsonNode entries(Path image) throws Exception {
        return JSON.readTree(Cli.run("list", "--json", image.toString()).out())
                .get("items")
                .get(0)
                .get("bootfs")
                .get("entries");
    }

    @Test
    void replaceLetsTheLastDuplicateWinWhereWithoutItPackRefuses() throws Exception {
        Path out = tmp.resolve("r.zbi");
        Cli.Result refused = Cli.run("pack", "-o", out.toString(), a.toString(), b.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("duplicate target path: bin/app");
        Cli.Result r = Cli.run("pack", "-o", out.toString(), "--replace", a.toString(), b.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(entries(out))
                .extracting(e -> e.get("name").asText() + "=" + e.get("size").asInt())
                .containsExactly("bin/app=9", "bin/tool=5");
    }

    @Test
    void entriesPatternsAndMissingManifestSourcesShapeTheBootfs() throws Exception {
        Path manifest = Files.writeString(tmp.resolve("m.txt"), "x/present=a/bin/tool\nx/absent=nope\n");
        Path out = tmp.resolve("e.zbi");
        assertThat(Cli.run("pack", "-o", out.toString(), manifest.toString()).exitCode())
                .isEqualTo(ExitCodes.INVALID_INPUT);
        Cli.Result r = Cli.run(
                "pack",
                "-o",
                out.toString(),
                "--ignore-missing-files",
                "--entry=etc/motd=hi there",
                "--pattern=x/*",
                "--pattern=etc/*",
                "--pattern=!x/absent",
                manifest.toString(),
                a.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(entries(out)).extracting(e -> e.get("name").asText()).containsExactly("etc/motd", "x/present");
        Path x = tmp.resolve("x");
        assertThat(Cli.run("extract", out.toString(), "-o", x.toString()).exitCode())
                .isZero();
        assertThat(x.resolve("etc/motd")).hasContent("hi there");
    }

    @Test
    void depfileNamesEveryInputReadAndJsonGivesTheWrittenSizes() throws Exception {
        Path out = tmp.resolve("d.zbi");
        Path dep = tmp.resolve("d.d");
        Path json = tmp.resolve("d.json");
        Cli.Result r = Cli.run("pack", "-o", out.toString(), "--depfile=" + dep, "--json-output=" + json, a.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(dep))
                .startsWith(out + ":")
                .contains(" " + a.resolve("bin/app"), " " + a.resolve("bin/tool"));
        JsonNode item = JSON.readTree(json.toFile()).get(0);
        try (ZbiImage image = ZbiImage.open(out)) {
            ZbiItem bootfs = image.items().get(0);
            assertThat(item.get("type").asText()).isEqualTo("BOOTFS");
            assertThat(item.get("size").asLong()).isEqualTo(bootfs.length());
            assertThat(item.get("uncompressed_size").asLong()).isEqualTo(bootfs.extra());
            assertThat(item.get("crc32").asLong()).isEqualTo(bootfs.storedCrc32());
            assertThat(item.get("contents")).hasSize(2);
        }
    }

    @Test
    void recompressRewritesAnInputRamdiskWithTheChosenCompression() throws Exception {
        Path raw = Files.write(tmp.resolve("rd.bin"), new byte[20_000]);
        Path in = tmp.resolve("in.zbi");
        assertThat(Cli.run("pack", "-o", in.toString(), "--compress=none", "--item=RAMDISK:" + raw)
                        .exitCode())
                .isZero();
        Path out = tmp.resolve("out.zbi");
        Cli.Result r =
                Cli.run("pack", "-o", out.toString(), "--recompress", "--compress=zstd.overclock", in.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        try (ZbiImage image = ZbiImage.open(out)) {
            assertThat(image.items().get(0).isCompressed()).isTrue();
            assertThat(image.items().get(0).payload().remaining()).isEqualTo(20_000);
        }
    }

    @Test
    void everyReferenceCompressionSpellingIsAccepted() throws Exception {
        for (String how :
                new String[] {"7", "max", "zstd.3", "zstd.max", "zstd.overclock", "zstd:22", "lz4f.9", "lz4f.max"}) {
            Path out = tmp.resolve("c-" + how.replace(':', '_') + ".zbi");
            Cli.Result r = Cli.run("pack", "-o", out.toString(), "--compress=" + how, a.toString());
            assertThat(r.exitCode()).as(how + ": " + r).isZero();
            assertThat(Cli.run("verify", out.toString()).exitCode()).as(how).isZero();
        }
    }

    @Test
    void packWithoutAnyInputIsAUsageError() {
        Cli.Result r = Cli.run("pack", "-o", tmp.resolve("x.zbi").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("pack needs at least one INPUT");
        assertThat(Files.exists(tmp.resolve("x.zbi"))).isFalse();
    }

    @Test
    void listReadsStandardInputAndShowsOnlyMatchingFiles() throws Exception {
        Path image = tmp.resolve("l.zbi");
        assertThat(Cli.run("pack", "-o", image.toString(), a.toString()).exitCode())
                .isZero();
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(image)));
            Cli.Result r = Cli.run("list", "-", "bin/t*");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("bin/tool").doesNotContain("bin/app");
        } finally {
            System.setIn(stdin);
        }
        Cli.Result zbi = Cli.run("list", "--format=zbi", image.toString(), "!bin/tool");
        assertThat(zbi.out()).contains(" bin/app").doesNotContain("bin/tool");
    }
}
