package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IoMessagesTest {
    @Test
    void commonFailuresReadAsShortLowercaseReasons() {
        assertThat(IoMessages.describe(Path.of("a.zbi"), new NoSuchFileException("a.zbi")))
                .isEqualTo("a.zbi: no such file or directory");
        assertThat(IoMessages.reason(new AccessDeniedException("a"))).isEqualTo("permission denied");
        assertThat(IoMessages.reason(new FileSystemException("a", null, "Is a directory")))
                .isEqualTo("is a directory");
    }

    @Test
    void aWrappingExceptionIsWordedByTheCauseItWraps() {
        IOException wrapped = new IOException(new java.util.zip.ZipException("invalid stored block lengths"));
        assertThat(IoMessages.reason(wrapped)).isEqualTo("invalid stored block lengths");
        assertThat(IoMessages.reason(new IOException())).isEqualTo("input/output error");
    }

    @Test
    void controlCharactersAreEscapedSoAMessageStaysOneLine() {
        assertThat(IoMessages.printable("a\nb\u001b[2J")).isEqualTo("a\\x0ab\\x1b[2J");
    }
}
