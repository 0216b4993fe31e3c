package dev.bootsplice.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.format.ItemType;
import dev.bootsplice.format.ZbiFormatException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void invalidImageReadsLikeTheCommandLine() {
        ZbiFormatException e =
                new ZbiFormatException("data_off 0x1001 not a multiple of 4096", 1, ItemType.BOOTFS, 0x20, "bin/sh");
        assertThat(Failures.invalidImage(Path.of("out/boot.zbi"), e))
                .hasMessage("bootsplice: out/boot.zbi: item 1 (BOOTFS) at 0x20: entry \"bin/sh\": "
                        + "data_off 0x1001 not a multiple of 4096")
                .hasCause(e);
    }

    @Test
    void containerErrorHasNoItemPart() {
        assertThat(Failures.invalidImage(
                        Path.of("x.zbi"), new ZbiFormatException("container doesn't fit. Truncated?", 0)))
                .hasMessage("bootsplice: x.zbi: at 0x0: container doesn't fit. Truncated?");
    }

    @Test
    void ioReasonsAreShortAndNameNoExceptionClass() {
        assertThat(Failures.unreadable(Path.of("a"), new NoSuchFileException("a")))
                .hasMessage("bootsplice: a: no such file or directory");
        assertThat(Failures.unreadable(Path.of("a"), new AccessDeniedException("a")))
                .hasMessage("bootsplice: a: permission denied");
        assertThat(Failures.unreadable(Path.of("a"), new IOException()))
                .hasMessage("bootsplice: a: input/output error");
    }

    @Test
    void brokenInputImageInPackKeepsTheLibraryMessage() {
        IOException e = new IOException(
                "in.zbi: at 0x0: bad container magic", new ZbiFormatException("bad container magic", 0));
        assertThat(PackMojo.inputFailure(e)).hasMessage("bootsplice: in.zbi: at 0x0: bad container magic");
    }

    @Test
    void missingManifestSourceInPackNamesTheFileAndLine() {
        IOException e = new NoSuchFileException("/p/files/motd.txt", null, "/p/boot.manifest:3: no such file");
        assertThat(PackMojo.inputFailure(e))
                .hasMessage("bootsplice: /p/files/motd.txt: /p/boot.manifest:3: no such file");
    }

    @Test
    void imageInsideTheProjectIsNamedRelativeToIt() {
        assertThat(ProfileMojo.displayName(Path.of("/p"), Path.of("/p/target/app.zbi")))
                .isEqualTo("target/app.zbi");
        assertThat(ProfileMojo.displayName(Path.of("/p"), Path.of("/elsewhere/app.zbi")))
                .isEqualTo("/elsewhere/app.zbi");
    }
}
