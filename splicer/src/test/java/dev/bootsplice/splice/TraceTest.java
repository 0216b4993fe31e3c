package dev.bootsplice.splice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceTest {
    private static SpliceResult spliced(Strategy strategy) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bin/app", TestImages.tagged(2, 0, 1));
        files.put("data/big", TestImages.tagged(5, 1, 2));
        files.put("driver/d.so", TestImages.tagged(1, 0, 3));
        files.put("lib/l.so", TestImages.tagged(0, 10, 4));
        ZbiImage image = TestImages.image(TestImages.bootfs(files), "trace.bootfs");
        return Splicer.splice(image, strategy, ProgressListener.NONE);
    }

    @Test
    void traceAllReadsEveryPageOfEveryFile() throws Exception {
        assertThat(spliced(Strategy.TRANSFER)
                        .replay(Trace.all(), ProgressListener.NONE)
                        .hops()
                        .accesses())
                .isEqualTo(2 + 6 + 1 + 1);
    }

    @Test
    void traceExecReadsOnlyBinLibAndDriverFiles() throws Exception {
        assertThat(spliced(Strategy.TRANSFER)
                        .replay(Trace.exec(), ProgressListener.NONE)
                        .hops()
                        .accesses())
                .isEqualTo(2 + 1 + 1);
    }

    @Test
    void traceFileLinesReadWholeFilesTailsAndRunsAndSkipComments() throws Exception {
        Trace trace = Trace.parse(
                "boot.trace",
                """
        # boot order
        bin/app            # both pages
        data/big 4         # pages 4 and 5
        data/big 1 2
        """);
        assertThat(spliced(Strategy.CLONE)
                        .replay(trace, ProgressListener.NONE)
                        .hops()
                        .accesses())
                .isEqualTo(2 + 2 + 2);
    }

    @Test
    void anUnknownFileIsATraceErrorNamingTheLine() throws Exception {
        Trace trace = Trace.parse("boot.trace", "bin/app\n\nbin/nope 0 1\n");
        assertThatThrownBy(() -> spliced(Strategy.COPY).replay(trace, ProgressListener.NONE))
                .isInstanceOf(TraceException.class)
                .hasMessage("trace boot.trace:3: unknown file \"bin/nope\"");
    }

    @Test
    void pagesPastTheEndOfAFileAreATraceError() throws Exception {
        Trace trace = Trace.parse("t", "bin/app 1 2");
        assertThatThrownBy(() -> spliced(Strategy.COPY).replay(trace, ProgressListener.NONE))
                .isInstanceOf(TraceException.class)
                .hasMessage("trace t:1: pages 1+2 outside \"bin/app\" (2 pages)");
    }

    @Test
    void malformedLinesAreRejectedWhenParsed() {
        assertThatThrownBy(() -> Trace.parse("t", "bin/app x"))
                .isInstanceOf(TraceException.class)
                .hasMessageContaining("t:1: FIRST_PAGE \"x\"");
        assertThatThrownBy(() -> Trace.parse("t", "a 1 2 3"))
                .isInstanceOf(TraceException.class)
                .hasMessageContaining("expected NAME [FIRST_PAGE [PAGE_COUNT]]");
        assertThatThrownBy(() -> Trace.parse("t", "a 0 0"))
                .isInstanceOf(TraceException.class)
                .hasMessageContaining("PAGE_COUNT must be at least 1");
    }

    @Test
    void ofNamesBuiltInTracesAndLoadsFilesByPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.trace");
        Files.writeString(file, "lib/l.so\n");
        assertThat(Trace.of("all").name()).isEqualTo("all");
        assertThat(Trace.of("exec").name()).isEqualTo("exec");
        Trace loaded = Trace.of(file.toString());
        assertThat(loaded.name()).isEqualTo(file.toString());
        assertThat(spliced(Strategy.TRANSFER)
                        .replay(loaded, ProgressListener.NONE)
                        .hops()
                        .accesses())
                .isEqualTo(1);
    }
}
