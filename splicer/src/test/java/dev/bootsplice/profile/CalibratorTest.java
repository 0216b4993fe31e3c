package dev.bootsplice.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.profile.CostModel.Op;
import org.junit.jupiter.api.Test;

class CalibratorTest {
    @Test
    void calibrationIsQuickAndGivesAPositiveCostForEveryOperationThatLoadsBack() throws Exception {
        long start = System.nanoTime();
        CostModel m = Calibrator.calibrate();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).isLessThan(10);
        for (Op op : Op.values()) {
            assertThat(m.ns(op)).as(op.key()).isPositive();
        }
        assertThat(m.ns(Op.PAGE_COPY))
                .as("a page copy costs more than moving a page reference")
                .isGreaterThan(m.ns(Op.PAGE_MOVE));
        assertThat(CostModel.fromJson(m.toJson(), "x")).isEqualTo(m);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("calibrated", ".json");
        try {
            m.writeTo(file);
            assertThat(CostModel.load(file)).isEqualTo(m);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
