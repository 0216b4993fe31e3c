package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.format.ZbiImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two JVM errors an input can cause are exit 3 while an image is open, internal errors (exit 1) otherwise. */
class JvmFaultsTest {
    @TempDir
    Path tmp;

    @AfterEach
    void forget() {
        ImageFiles.forgetOpened();
    }

    @Test
    void outOfMemoryWhileAnImageIsOpenNamesItTheHeapAndTheOptionThatRaisesIt() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        StringWriter err = new StringWriter();
        try (ZbiImage zbi = ImageFiles.open(image)) {
            assertThat(JvmFaults.outOfMemory(new PrintWriter(err, true))).isEqualTo(ExitCodes.INVALID_INPUT);
        }
        assertThat(err.toString())
                .isEqualTo("bootsplice: " + image + ": out of memory: the JVM's maximum heap of "
                        + JvmFaults.mebibytes(Runtime.getRuntime().maxMemory())
                        + " is too small for this image (raise it with "
                        + "BOOTSPLICE_JAVA_OPTS=-Xmx...)\n");
    }

    @Test
    void withoutAnOpenImageBothErrorsAreInternalErrors() {
        StringWriter err = new StringWriter();
        PrintWriter w = new PrintWriter(err, true);
        assertThat(JvmFaults.outOfMemory(w)).isEqualTo(ExitCodes.INTERNAL);
        assertThat(JvmFaults.mappedFileFault(
                        new InternalError("a fault occurred in an unsafe memory access operation"), w))
                .isEqualTo(ExitCodes.INTERNAL);
        assertThat(err.toString().lines()).hasSize(2).allMatch(l -> l.startsWith("bootsplice: "));
    }

    @Test
    void aFaultInAnUnchangedMappedImageIsAnInputOutputErrorOfThatImage() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        StringWriter err = new StringWriter();
        try (ZbiImage zbi = ImageFiles.open(image)) {
            int code = JvmFaults.mappedFileFault(
                    new InternalError("a fault occurred in a recent unsafe memory access operation"),
                    new PrintWriter(err, true));
            assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        }
        assertThat(err.toString())
                .isEqualTo("bootsplice: " + image + ": at 0x0: input/output error while reading the mapped file\n");
    }
}
