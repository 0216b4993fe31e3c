package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path tree() throws Exception {
        Path dir = tmp.resolve("tree");
        for (Map.Entry<String, byte[]> f : TestImages.smallFiles().entrySet()) {
            Files.createDirectories(dir.resolve(f.getKey()).getParent());
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
        return dir;
    }

    @Test
    void packedDirectoryExtractsToTheSameFilesAndPacksReproducibly() throws Exception {
        Path dir = tree();
        Path a = tmp.resolve("a.zbi");
        Cli.Result r = Cli.run("pack", "-o", a.toString(), dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("wrote " + a + ": 1 item, 5 files in 3 ranges");

        Path b = tmp.resolve("b.zbi");
        assertThat(Cli.run("pack", "-o", b.toString(), dir.toString()).exitCode())
                .isZero();
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));

        Path out = tmp.resolve("out");
        assertThat(Cli.run("extract", a.toString(), "-o", out.toString()).exitCode())
                .isZero();
        for (Map.Entry<String, byte[]> f : TestImages.smallFiles().entrySet()) {
            assertThat(Files.readAllBytes(out.resolve(f.getKey())))
                    .as(f.getKey())
                    .isEqualTo(f.getValue());
        }
    }

    @Test
    void kernelCmdlineAndPrefixLandWhereTheContractSays() throws Exception {
        Path dir = tree();
        Path kernel = Files.write(tmp.resolve("kernel.bin"), new byte[64]);
        Path out = tmp.resolve("k.zbi");
        Cli.Result r = Cli.run(
                "pack",
                "-o",
                out.toString(),
                "--kernel=" + kernel,
                "--cmdline=a=1",
                "--cmdline=b=2",
                "--prefix=sys",
                "--compress=none",
                dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();

        JsonNode items =
                JSON.readTree(Cli.run("list", out.toString(), "--json").out()).get("items");
        assertThat(items).extracting(i -> i.get("type").asText()).containsExactly("KERNEL_X64", "CMDLINE", "BOOTFS");
        assertThat(items.get(2).get("compression").isNull()).isTrue();
        assertThat(items.get(2).get("bootfs").get("entries").get(0).get("name").asText())
                .isEqualTo("sys/bin/app");
    }

    @Test
    void bootfsOnlyWritesABareBootfs() throws Exception {
        Path out = tmp.resolve("bare.bootfs");
        assertThat(Cli.run("pack", "-o", out.toString(), "--bootfs-only", tree().toString())
                        .exitCode())
                .isZero();
        assertThat(JSON.readTree(Cli.run("list", out.toString(), "--json").out())
                        .get("format")
                        .asText())
                .isEqualTo("bootfs");
    }

    @Test
    void anExistingOutputIsKeptUnlessForce() throws Exception {
        Path out = Files.writeString(tmp.resolve("o.zbi"), "precious");
        Cli.Result r = Cli.run("pack", "-o", out.toString(), tree().toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo(
                        "bootsplice: " + out + ": already exists (use --force to overwrite)" + System.lineSeparator());
        assertThat(Files.readString(out)).isEqualTo("precious");

        assertThat(Cli.run("pack", "-o", out.toString(), "--force", tree().toString())
                        .exitCode())
                .isZero();
        assertThat(Files.readString(out, java.nio.charset.StandardCharsets.ISO_8859_1))
                .startsWith("BOOT");
    }

    @Test
    void badNamesAndValuesAreUsageErrorsAndWriteNothing() throws Exception {
        Path data = Files.writeString(tmp.resolve("data.txt"), "x");
        Path dup = Files.writeString(tmp.resolve("dup.manifest"), "a=" + data + "\na=" + data + "\n");
        Path dots = Files.writeString(tmp.resolve("dots.manifest"), "a/../b=" + data + "\n");
        Path absolute = Files.writeString(tmp.resolve("abs.manifest"), "/a=" + data + "\n");
        Path out = tmp.resolve("out.zbi");
        String[][] cases = {
            {"--compress=gzip", data.toString()},
            {"--item=BOGUS:" + data},
            {dup.toString()},
            {dots.toString()},
            {absolute.toString()},
            {"--prefix=/abs", tmp.toString()},
        };
        for (String[] c : cases) {
            String[] args = Stream.concat(Stream.of("pack", "-o", out.toString()), Stream.of(c))
                    .toArray(String[]::new);
            Cli.Result r = Cli.run(args);
            assertThat(r.exitCode()).as(String.join(" ", c) + "\n" + r).isEqualTo(2);
            assertThat(r.err()).startsWith("bootsplice: ").doesNotContain("Exception");
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.filter(p -> p.getFileName().toString().contains("out.zbi")))
                    .isEmpty();
        }
    }

    @Test
    void aMissingInputIsExit3NamingIt() {
        Path missing = tmp.resolve("missing-dir");
        Cli.Result r = Cli.run("pack", "-o", tmp.resolve("o.zbi").toString(), missing.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("missing-dir").doesNotContain("Exception");
        assertThat(Files.exists(tmp.resolve("o.zbi"))).isFalse();
    }
}
