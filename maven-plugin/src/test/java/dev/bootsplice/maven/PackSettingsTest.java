package dev.bootsplice.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootsplice.format.Codec;
import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ItemType;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class PackSettingsTest {
    private static final Path BASEDIR = Path.of("/project");

    @Test
    void compressionDefaultIsZstdLevelFour() throws Exception {
        assertThat(PackSettings.compression(GeneratedDescriptor.defaultValue("pack", "compression")))
                .isEqualTo(Compression.DEFAULT)
                .isEqualTo(new Compression(Codec.ZSTD, 4));
    }

    @Test
    void compressionAcceptsTheCommandLineSpellings() throws Exception {
        assertThat(PackSettings.compression("zstd:9")).isEqualTo(new Compression(Codec.ZSTD, 9));
        assertThat(PackSettings.compression("lz4f")).isEqualTo(new Compression(Codec.LZ4F, 4));
        assertThat(PackSettings.compression("lz4f:max")).isEqualTo(new Compression(Codec.LZ4F, 12));
        assertThat(PackSettings.compression("none").isNone()).isTrue();
    }

    @Test
    void compressionRejectsUnknownCodecsNamingTheParameter() {
        assertThatThrownBy(() -> PackSettings.compression("gzip"))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("bootsplice: <compression>: unrecognized compression algorithm syntax: gzip");
    }

    @Test
    void compressionRejectsOutOfRangeLevels() {
        assertThatThrownBy(() -> PackSettings.compression("zstd:42"))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("bootsplice: <compression>: ")
                .hasMessageContaining("42");
    }

    @Test
    void itemTakesATypeNameOrHexCodeAndAFileRelativeToTheProject() throws Exception {
        assertThat(PackSettings.item("CMDLINE:boot/args.txt", BASEDIR))
                .isEqualTo(new PackSettings.ItemSpec(ItemType.CMDLINE, Path.of("/project/boot/args.txt")));
        assertThat(PackSettings.item("0x4c4e524b:/abs/kernel.bin", BASEDIR))
                .isEqualTo(new PackSettings.ItemSpec(ItemType.of(0x4c4e524b), Path.of("/abs/kernel.bin")));
    }

    @Test
    void itemWithoutTypeOrFileIsRejected() {
        for (String bad : List.of("CMDLINE", ":file", "CMDLINE:")) {
            assertThatThrownBy(() -> PackSettings.item(bad, BASEDIR))
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("bootsplice: <items>: expected TYPE:FILE, got \"" + bad + "\"");
        }
    }

    @Test
    void itemWithUnknownTypeIsRejected() {
        assertThatThrownBy(() -> PackSettings.item("NOPE:file", BASEDIR))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("bootsplice: <items>: unrecognized type: NOPE");
    }

    @Test
    void describeChangesWithEverySettingThatChangesTheImage() {
        List<String> base = describe("1.0", "zstd:4", "p", false, List.of("a=b"));
        assertThat(describe("1.1", "zstd:4", "p", false, List.of("a=b"))).isNotEqualTo(base);
        assertThat(describe("1.0", "zstd:5", "p", false, List.of("a=b"))).isNotEqualTo(base);
        assertThat(describe("1.0", "zstd:4", "q", false, List.of("a=b"))).isNotEqualTo(base);
        assertThat(describe("1.0", "zstd:4", "p", true, List.of("a=b"))).isNotEqualTo(base);
        assertThat(describe("1.0", "zstd:4", "p", false, List.of("a=c"))).isNotEqualTo(base);
    }

    @Test
    void describeReadsCompressionBySettingNotSpelling() {
        assertThat(describe("1.0", "zstd", null, false, List.of()))
                .isEqualTo(describe("1.0", "ZSTD:4", null, false, List.of()));
    }

    private static List<String> describe(
            String version, String compression, String prefix, boolean bootfsOnly, List<String> cmdline) {
        return PackSettings.describe(
                version,
                List.of(new File("/project/src/boot")),
                null,
                cmdline,
                List.of(),
                prefix,
                Compression.parse(compression),
                bootfsOnly);
    }
}
