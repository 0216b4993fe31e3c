package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Cli.Result generate(Path out, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "generate";
        args[1] = "-o";
        args[2] = out.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return Cli.run(args);
    }

    @Test
    void theSameArgumentsGiveTheSameBytesAndAnotherSeedOthers() throws Exception {
        Path a = tmp.resolve("a.zbi");
        Path b = tmp.resolve("b.zbi");
        Path c = tmp.resolve("c.zbi");
        Cli.Result r = generate(a, "--files=40", "--size=512KiB", "--seed=7");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("wrote " + a + ": 1 item, 40 files");
        assertThat(generate(b, "--files=40", "--size=512KiB", "--seed=7").exitCode())
                .isZero();
        assertThat(generate(c, "--files=40", "--size=512KiB", "--seed=8").exitCode())
                .isZero();
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(Files.readAllBytes(c)).isNotEqualTo(Files.readAllBytes(a));

        JsonNode listing = JSON.readTree(Cli.run("list", a.toString(), "--json").out());
        JsonNode bootfs = listing.get("items").get(0);
        assertThat(bootfs.get("bootfs").get("entries")).hasSize(40);
        assertThat(bootfs.get("compression").get("uncompressedSize").asLong()).isEqualTo(512 * 1024);
    }

    @Test
    void kernelMakesABootableImage() throws Exception {
        Path out = tmp.resolve("k.zbi");
        assertThat(generate(out, "--files=10", "--size=64KiB", "--kernel", "--compress=none")
                        .exitCode())
                .isZero();
        JsonNode listing =
                JSON.readTree(Cli.run("list", out.toString(), "--json").out());
        assertThat(listing.get("bootable").asBoolean()).isTrue();
        assertThat(listing.get("items").get(0).get("type").asText()).isEqualTo("KERNEL_X64");
        assertThat(Cli.run("verify", out.toString()).exitCode()).isZero();
    }

    @Test
    void badValuesAreUsageErrorsAndAnExistingOutputIsKept() throws Exception {
        Path out = tmp.resolve("o.zbi");
        assertThat(generate(out, "--size=12XB").exitCode()).isEqualTo(2);
        assertThat(generate(out, "--files=0").exitCode()).isEqualTo(2);
        assertThat(generate(out, "--compress=brotli").exitCode()).isEqualTo(2);
        assertThat(Files.exists(out)).isFalse();
        Files.writeString(out, "mine");
        assertThat(generate(out, "--files=5", "--size=64KiB").exitCode()).isEqualTo(3);
        assertThat(Files.readString(out)).isEqualTo("mine");
    }
}
