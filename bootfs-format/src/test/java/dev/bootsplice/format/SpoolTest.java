package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class SpoolTest {
    @Test
    void bytesBeyondTheMemoryLimitMoveToATemporaryFileThatCloseDeletes() throws Exception {
        byte[] data = FrameCompressorTest.binaryLike(300_000, 4);
        Path file;
        try (Spool spool = new Spool(10_000)) {
            spool.write(data, 0, 5_000);
            assertThat(spool.file()).isNull();
            spool.write(data, 5_000, data.length - 5_000);
            file = spool.file();
            assertThat(file).exists();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            spool.copyTo(out);
            assertThat(out.toByteArray()).isEqualTo(data);
            assertThat(spool.length()).isEqualTo(data.length);
            CRC32 crc = new CRC32();
            crc.update(data);
            assertThat(spool.crc32()).isEqualTo(crc.getValue());
        }
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void smallPayloadsStayInMemory() throws Exception {
        try (Spool spool = new Spool(1 << 20)) {
            spool.write(new byte[1000], 0, 1000);
            assertThat(spool.file()).isNull();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            spool.copyTo(out);
            assertThat(out.size()).isEqualTo(1000);
        }
    }
}
