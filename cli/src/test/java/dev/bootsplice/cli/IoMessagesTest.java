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
        assertThat(IoMessages.reason(new FileSystemException("a", null, "Is a directory"))).isEqualTo("is a directory");
    }

    @Test
    void exceptionClassNamesAreStrippedFromMessages() {
        assertThat(IoMessages.reason(new IOException("java.util.zip.ZipException: invalid stored block lengths")))
                .isEqualTo("invalid stored block lengths");
        assertThat(IoMessages.stripClassNames("ZstdException: Unknown frame descriptor"))
                .isEqualTo("Unknown frame descriptor");
        assertThat(IoMessages.reason(new IOException())).isEqualTo("input/output error");
        assertThat(IoMessages.stripClassNames("lz4f: net.jpountz.lz4.LZ4Exception: Malformed input: bad offset"))
                .isEqualTo("lz4f: Malformed input: bad offset");
        assertThat(IoMessages.stripClassNames("CRC Error: keep words that merely end in Error"))
                .isEqualTo("CRC Error: keep words that merely end in Error");
    }
}
