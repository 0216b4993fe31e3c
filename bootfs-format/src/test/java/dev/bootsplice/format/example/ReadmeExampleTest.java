package dev.bootsplice.format.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.format.ImageGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library example in the repository's README is this module's {@link ReadmeExample}, compiled and run here. */
class ReadmeExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/dev/bootsplice/format/example/ReadmeExample.java");
    private static final Path README = Path.of("../README.md");

    @Test
    void theExampleListsItemsAndEveryFileWithItsHash(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("demo.zbi");
        ImageGenerator.builder().files(20).size(256 << 10).seed(1).build().writeTo(image);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReadmeExample.describe(image, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).matches("item 0 BOOTFS, [0-9]+ bytes");
        assertThat(lines.subList(1, lines.size()))
                .hasSize(20)
                .allMatch(l -> l.matches("[a-z]+/\\S+ [0-9]+ [0-9a-f]{64}"));
    }

    @Test
    void theReadmeShowsTheExampleAsCompiledHere() throws Exception {
        String source = Files.readString(SOURCE);
        String example = source.substring(source.indexOf("// README:begin\n") + 16, source.indexOf("// README:end"));
        assertThat(Files.readString(README)).contains(example);
    }
}
