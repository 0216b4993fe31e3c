package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Quick in-process timings on core-x64.zbi for the report (run with {@code -Dbootsplice.measure=true});
 * the JMH benchmarks are the real measurement.
 */
class ReaderThroughputTest {
    private static final int RUNS = 15;

    @Test
    void openAndDirectoryListingAndDecompressWithCrcTimings() throws Exception {
        assumeTrue(Boolean.getBoolean("bootsplice.measure"), "set -Dbootsplice.measure=true to time the reader");
        Path core = ReaderCorpus.root().resolve("realistic/core-x64.zbi");
        double[] listMs = new double[RUNS];
        double[] fullMs = new double[RUNS];
        long bytes = 0;
        for (int run = 0; run < RUNS + 3; run++) {
            long t0 = System.nanoTime();
            int entries;
            try (ZbiImage image = ZbiImage.open(core)) {
                entries = Bootfs.parseDirectory(image.firstBootfs().orElseThrow())
                        .entries()
                        .size();
            }
            long t1 = System.nanoTime();
            bytes = 0;
            try (ZbiImage image = ZbiImage.open(core)) {
                for (ZbiItem item : image.items()) {
                    assertThat(item.crcStatus()).isNotEqualTo(CrcStatus.MISMATCH);
                    bytes += item.payload().remaining();
                }
            }
            long t2 = System.nanoTime();
            assertThat(entries).isEqualTo(2384);
            if (run >= 3) {
                listMs[run - 3] = (t1 - t0) / 1e6;
                fullMs[run - 3] = (t2 - t1) / 1e6;
            }
        }
        Arrays.sort(listMs);
        Arrays.sort(fullMs);
        double median = fullMs[RUNS / 2];
        System.out.printf(
                "core-x64: open+parseDirectory median %.2f ms (min %.2f); "
                        + "open+CRC+decompress all items median %.1f ms = %.0f MB/s (best %.0f MB/s) of decompressed output"
                        + " (%d bytes)%n",
                listMs[RUNS / 2],
                listMs[0],
                median,
                bytes / (median / 1000) / 1e6,
                bytes / (fullMs[0] / 1000) / 1e6,
                bytes);
    }
}
