package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeExtractorTest {
    @TempDir
    Path tmp;

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private Path out() throws IOException {
        return Files.createDirectories(tmp.resolve("out"));
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void writesNestedFilesAndCreatesTheirFolders() throws Exception {
        SafeExtractor x = new SafeExtractor(tmp.resolve("new/out"), false);
        Path p = x.write("lib/sub/two.txt", bytes("two"));
        assertThat(p).isEqualTo(x.root().resolve("lib/sub/two.txt"));
        assertThat(Files.readString(p)).isEqualTo("two");
        assertThat(countFiles(x.root())).isEqualTo(1);
    }

    @Test
    void absoluteNamesAreRefused() throws Exception {
        SafeExtractor x = new SafeExtractor(out(), false);
        assertThatThrownBy(() -> x.write("/etc/passwd-bootsplice", bytes("x")))
                .isInstanceOf(ExtractionRefused.class)
                .hasMessage("absolute name");
        assertThat(Files.exists(Path.of("/etc/passwd-bootsplice"))).isFalse();
        assertThat(countFiles(x.root())).isZero();
    }

    @Test
    void dotDotComponentsAreRefusedWithNothingWrittenAnywhere() throws Exception {
        SafeExtractor x = new SafeExtractor(out(), false);
        for (String name : new String[] {"../escape", "a/../../escape", "a/b/..", ".."}) {
            assertThatThrownBy(() -> x.write(name, bytes("x")))
                    .as(name)
                    .isInstanceOf(ExtractionRefused.class)
                    .hasMessageContaining("\"..\"");
        }
        assertThat(countFiles(tmp)).isZero();
        assertThat(Files.exists(x.root().resolve("a")))
                .as("no folder made for a refused name")
                .isFalse();
    }

    @Test
    void aSymlinkPlantedInTheOutputFolderIsNeverFollowed() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path dir = out();
        Files.createSymbolicLink(dir.resolve("lib"), outside);
        Files.writeString(outside.resolve("victim"), "keep");
        Files.createSymbolicLink(dir.resolve("victim"), outside.resolve("victim"));
        SafeExtractor x = new SafeExtractor(dir, true);

        assertThatThrownBy(() -> x.write("lib/libc.so", bytes("evil")))
                .isInstanceOf(ExtractionRefused.class)
                .hasMessage("\"lib\" is a symbolic link");
        assertThatThrownBy(() -> x.write("victim", bytes("evil")))
                .isInstanceOf(ExtractionRefused.class)
                .hasMessage("\"victim\" is a symbolic link");
        assertThat(Files.readString(outside.resolve("victim"))).isEqualTo("keep");
        assertThat(countFiles(outside)).isEqualTo(1);
    }

    @Test
    void namesCollidingAfterNormalisationAreRefused() throws Exception {
        SafeExtractor x = new SafeExtractor(out(), false);
        x.write("bin/app", bytes("first"));
        for (String twin : new String[] {"bin//app", "./bin/app", "bin/./app"}) {
            assertThatThrownBy(() -> x.write(twin, bytes("second")))
                    .as(twin)
                    .isInstanceOf(ExtractionRefused.class)
                    .hasMessage("collides with \"bin/app\" extracted earlier");
        }
        assertThat(Files.readString(x.root().resolve("bin/app"))).isEqualTo("first");
    }

    @Test
    void aFileAndAFolderOfTheSameNameCollide() throws Exception {
        SafeExtractor x = new SafeExtractor(out(), false);
        x.write("a", bytes("file"));
        assertThatThrownBy(() -> x.write("a/b", bytes("x")))
                .isInstanceOf(ExtractionRefused.class)
                .hasMessage("\"a\" is a file extracted earlier");
        x.write("d/e", bytes("x"));
        assertThatThrownBy(() -> x.write("d", bytes("x")))
                .isInstanceOf(ExtractionRefused.class)
                .hasMessage("collides with directory \"d\"");
    }

    @Test
    void existingFilesAreKeptWithoutForceAndReplacedWithIt() throws Exception {
        Path dir = out();
        Files.writeString(dir.resolve("f"), "old");
        assertThatThrownBy(() -> new SafeExtractor(dir, false).write("f", bytes("new")))
                .isInstanceOf(ExtractionRefused.class)
                .hasMessage("already exists (use --force to overwrite)");
        assertThat(Files.readString(dir.resolve("f"))).isEqualTo("old");

        new SafeExtractor(dir, true).write("f", bytes("new"));
        assertThat(Files.readString(dir.resolve("f"))).isEqualTo("new");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).as("no temporary file left").containsExactly(dir.resolve("f"));
        }
    }

    @Test
    void anExistingDirectoryIsNeverReplacedByAFile() throws Exception {
        Path dir = out();
        Files.createDirectories(dir.resolve("f"));
        assertThatThrownBy(() -> new SafeExtractor(dir, true).write("f", bytes("x")))
                .isInstanceOf(ExtractionRefused.class)
                .hasMessage("is an existing directory");
    }

    @Test
    void deviceSpecialEntriesAreRefusedEvenWithForce() throws Exception {
        Path dir = out();
        Path fifo = dir.resolve("pipe");
        assumeTrue(mkfifo(fifo), "mkfifo not available to create a FIFO");
        SafeExtractor x = new SafeExtractor(dir, true);
        assertThatThrownBy(() -> x.write("pipe", bytes("x")))
                .isInstanceOf(ExtractionRefused.class)
                .hasMessage("is an existing device or special file");
        assertThatThrownBy(() -> x.write("pipe/inner", bytes("x")))
                .isInstanceOf(ExtractionRefused.class)
                .hasMessage("\"pipe\" is a device or special file");
    }

    @Test
    void nulBytesAndEmptyNamesAreRefused() throws Exception {
        SafeExtractor x = new SafeExtractor(out(), false);
        assertThatThrownBy(() -> x.write("a\0b", bytes("x"))).hasMessage("name contains a NUL byte");
        assertThatThrownBy(() -> x.write("", bytes("x"))).hasMessage("empty name");
        assertThatThrownBy(() -> x.write("./", bytes("x"))).hasMessage("name has no file component");
    }

    @Test
    void sharedRangesBecomeHardLinks() throws Exception {
        SafeExtractor x = new SafeExtractor(out(), false);
        Path first = x.write("lib/a.so", bytes("same"));
        boolean linked = x.link("lib/b.so", first);
        Path second = x.root().resolve("lib/b.so");
        assertThat(linked).isTrue();
        assertThat(Files.isSameFile(first, second)).isTrue();
        assertThat(Files.getAttribute(first, "unix:nlink")).isEqualTo(2);
    }

    @Test
    void whereHardLinksAreRefusedASharedRangeIsCopied() throws Exception {
        SafeExtractor x = new SafeExtractor(out(), false, (link, existing) -> {
            throw new java.nio.file.FileSystemException(
                    link.toString(), existing.toString(), "Operation not permitted");
        });
        Path first = x.write("lib/a.so", bytes("same"));
        boolean linked = x.link("lib/b.so", first);
        Path second = x.root().resolve("lib/b.so");
        assertThat(linked).isFalse();
        assertThat(Files.isSameFile(first, second)).isFalse();
        assertThat(Files.readString(second)).isEqualTo("same");
        try (Stream<Path> s = Files.list(x.root().resolve("lib"))) {
            assertThat(s).as("no temporary file left").containsExactlyInAnyOrder(first, second);
        }
    }

    @Test
    void anInterruptionMidWriteLeavesNoTemporaryFile() throws Exception {
        SafeExtractor[] self = new SafeExtractor[1];
        self[0] = new SafeExtractor(out(), false, (link, existing) -> {
            Files.createLink(link, existing);
            assertThat(link.getFileName().toString()).startsWith(".bootsplice-");
            self[0].discardInFlight(); // what the shutdown hook does when Ctrl-C arrives here
        });
        Path first = self[0].write("a", bytes("same"));
        assertThatThrownBy(() -> self[0].link("b", first)).isInstanceOf(java.io.IOException.class);
        try (Stream<Path> s = Files.list(self[0].root())) {
            assertThat(s).containsExactly(first);
        }
        self[0].discardInFlight();
        assertThat(Files.readString(first)).isEqualTo("same");
    }

    @Test
    void aLinkNameIsCheckedLikeAnyOther() throws Exception {
        SafeExtractor x = new SafeExtractor(out(), false);
        Path first = x.write("a", bytes("same"));
        assertThatThrownBy(() -> x.link("../b", first)).isInstanceOf(ExtractionRefused.class);
        assertThat(countFiles(tmp)).isEqualTo(1);
    }

    private static boolean mkfifo(Path p) {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
