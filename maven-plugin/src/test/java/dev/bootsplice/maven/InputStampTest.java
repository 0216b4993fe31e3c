package dev.bootsplice.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputStampTest {
    @TempDir
    Path dir;

    private Path tree;
    private Path output;
    private Path stampFile;

    @BeforeEach
    void setUp() throws Exception {
        tree = Files.createDirectories(dir.resolve("tree"));
        Files.createDirectories(tree.resolve("bin"));
        Files.writeString(tree.resolve("bin/app"), "app");
        Files.writeString(tree.resolve("config"), "x=1");
        output = Files.writeString(dir.resolve("out.zbi"), "image bytes");
        stampFile = dir.resolve("out.zbi.stamp");
    }

    @Test
    void sameInputsAndConfigurationGiveTheSameDigest() throws Exception {
        assertThat(InputStamp.of(List.of("a=1"), List.of(tree)).digest())
                .isEqualTo(InputStamp.of(List.of("a=1"), List.of(tree)).digest())
                .hasSize(64);
    }

    @Test
    void changedConfigurationChangesTheDigest() throws Exception {
        assertThat(InputStamp.of(List.of("compression=zstd:4"), List.of(tree)).digest())
                .isNotEqualTo(InputStamp.of(List.of("compression=zstd:9"), List.of(tree))
                        .digest());
    }

    @Test
    void configurationLinesCannotBeConfusedByMovingALineBreak() throws Exception {
        assertThat(InputStamp.of(List.of("a\nconfig b"), List.of()).digest())
                .isNotEqualTo(InputStamp.of(List.of("a", "b"), List.of()).digest());
    }

    @Test
    void changedFileSizeChangesTheDigest() throws Exception {
        String before = InputStamp.of(List.of(), List.of(tree)).digest();
        Files.writeString(tree.resolve("bin/app"), "app2");
        assertThat(InputStamp.of(List.of(), List.of(tree)).digest()).isNotEqualTo(before);
    }

    @Test
    void changedModificationTimeChangesTheDigest() throws Exception {
        Path app = tree.resolve("bin/app");
        Files.setLastModifiedTime(app, FileTime.fromMillis(1_000_000));
        String before = InputStamp.of(List.of(), List.of(tree)).digest();
        Files.setLastModifiedTime(app, FileTime.fromMillis(2_000_000));
        assertThat(InputStamp.of(List.of(), List.of(tree)).digest()).isNotEqualTo(before);
    }

    @Test
    void addedFileChangesTheDigest() throws Exception {
        String before = InputStamp.of(List.of(), List.of(tree)).digest();
        Files.writeString(tree.resolve("bin/new"), "");
        assertThat(InputStamp.of(List.of(), List.of(tree)).digest()).isNotEqualTo(before);
    }

    @Test
    void missingInputDiffersFromAnEmptyFile() throws Exception {
        Path absent = dir.resolve("manifest");
        String missing = InputStamp.of(List.of(), List.of(absent)).digest();
        Files.writeString(absent, "");
        assertThat(InputStamp.of(List.of(), List.of(absent)).digest()).isNotEqualTo(missing);
    }

    @Test
    void writtenStampMatchesUntilTheOutputChanges() throws Exception {
        InputStamp stamp = InputStamp.of(List.of("a=1"), List.of(tree));
        assertThat(stamp.matches(stampFile, output)).isFalse();
        stamp.write(stampFile, output);
        assertThat(stamp.matches(stampFile, output)).isTrue();

        Files.writeString(output, "someone else's bytes");
        assertThat(stamp.matches(stampFile, output)).isFalse();
    }

    @Test
    void writtenStampDoesNotMatchOtherInputs() throws Exception {
        InputStamp.of(List.of("a=1"), List.of(tree)).write(stampFile, output);
        assertThat(InputStamp.of(List.of("a=2"), List.of(tree)).matches(stampFile, output))
                .isFalse();
    }

    @Test
    void deletedOutputNeverMatches() throws Exception {
        InputStamp stamp = InputStamp.of(List.of(), List.of(tree));
        stamp.write(stampFile, output);
        Files.delete(output);
        assertThat(stamp.matches(stampFile, output)).isFalse();
    }

    @Test
    void editedManifestSourceChangesTheDigest() throws Exception {
        Path manifest = Files.writeString(dir.resolve("boot.manifest"), "etc/motd=files/motd.txt\n");
        Path source = Files.createDirectories(dir.resolve("files")).resolve("motd.txt");
        Files.writeString(source, "hello");
        String before = InputStamp.of(List.of(), List.of(manifest)).digest();
        Files.writeString(source, "hello, world");
        assertThat(InputStamp.of(List.of(), List.of(manifest)).digest()).isNotEqualTo(before);
    }

    @Test
    void binaryInputIsNotReadAsAManifest() throws Exception {
        Path image = Files.write(dir.resolve("in.zbi"), new byte[] {'a', '=', 'b', 0, '\n'});
        Files.writeString(dir.resolve("b"), "would be a source");
        String before = InputStamp.of(List.of(), List.of(image)).digest();
        Files.writeString(dir.resolve("b"), "a different source");
        assertThat(InputStamp.of(List.of(), List.of(image)).digest()).isEqualTo(before);
    }
}
