package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aValidImagePrintsOk() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        Cli.Result r = Cli.run("verify", image.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("OK " + image + System.lineSeparator());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aBrokenCompressedPayloadIsFoundAndReportedAsJson() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        byte[] bytes = Files.readAllBytes(image);
        for (int i = 32 + 32 + 40; i < 32 + 32 + 80; i++) {
            bytes[i] = (byte) 0xee;
        }
        Path broken = Files.write(tmp.resolve("broken.zbi"), bytes);

        Cli.Result r = Cli.run("verify", broken.toString(), "--json");

        assertThat(r.exitCode()).isEqualTo(3);
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("image").asText()).isEqualTo(broken.toString());
        assertThat(root.get("valid").asBoolean()).isFalse();
        assertThat(root.get("problems").size()).isGreaterThanOrEqualTo(1);
        for (JsonNode p : root.get("problems")) {
            assertThat(p.get("severity").asText()).isIn("error", "warning");
        }
        assertThat(r.err())
                .startsWith("bootsplice: " + broken + ": item 0 (BOOTFS) at 0x20: ")
                .doesNotContain("Exception");
    }

    @Test
    void aDecompressorErrorIsReportedWithoutItsExceptionClass() throws Exception {
        dev.bootsplice.format.BootfsBuilder bootfs = new dev.bootsplice.format.BootfsBuilder();
        TestImages.smallFiles().forEach((name, content) -> {
            try {
                bootfs.add(name, content);
            } catch (dev.bootsplice.format.UsageException e) {
                throw new IllegalStateException(e);
            }
        });
        Path image = tmp.resolve("lz4.zbi");
        new dev.bootsplice.format.ZbiWriter()
                .addStorageItem(
                        dev.bootsplice.format.ItemType.BOOTFS, bootfs, dev.bootsplice.format.Compression.parse("lz4f"))
                .writeTo(image, false);
        byte[] bytes = Files.readAllBytes(image);
        for (int i = 64 + 20; i < 64 + 60; i++) {
            bytes[i] = (byte) 0xee;
        }
        Path broken = Files.write(tmp.resolve("broken-lz4.zbi"), bytes);

        Cli.Result r = Cli.run("verify", broken.toString(), "--json");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .contains("item 0 (BOOTFS) at 0x20: lz4f: ")
                .doesNotContain("Exception")
                .doesNotContain("jpountz");
        assertThat(r.out()).doesNotContain("Exception");
    }

    @Test
    void warningsPassUnlessStrict() throws Exception {
        Map<String, byte[]> unsorted = new LinkedHashMap<>();
        unsorted.put("b", "B".getBytes(StandardCharsets.UTF_8));
        unsorted.put("a", "A".getBytes(StandardCharsets.UTF_8));
        Path image = TestImages.writeRawBootfs(tmp.resolve("unsorted.bootfs"), unsorted);

        Cli.Result lenient = Cli.run("verify", image.toString());
        assertThat(lenient.exitCode()).as(lenient.toString()).isZero();
        assertThat(lenient.out()).startsWith("OK ");
        assertThat(lenient.err()).startsWith("bootsplice: " + image + ": warning: item 0 (BOOTFS) at 0x");

        Cli.Result strict = Cli.run("verify", image.toString(), "--strict", "--json");
        assertThat(strict.exitCode()).isEqualTo(3);
        assertThat(JSON.readTree(strict.out()).get("valid").asBoolean()).isFalse();
    }

    @Test
    void anImageThatDoesNotOpenIsOneProblemInJson() throws Exception {
        Path junk = Files.write(tmp.resolve("junk.zbi"), new byte[] {1, 2, 3});
        Cli.Result r = Cli.run("verify", junk.toString(), "--json");
        assertThat(r.exitCode()).isEqualTo(3);
        JsonNode problems = JSON.readTree(r.out()).get("problems");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).get("item").isNull()).isTrue();
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void anUnreadableImageIsExit3() {
        Cli.Result r = Cli.run("verify", tmp.resolve("missing.zbi").toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).endsWith("missing.zbi: no such file or directory" + System.lineSeparator());
    }
}
