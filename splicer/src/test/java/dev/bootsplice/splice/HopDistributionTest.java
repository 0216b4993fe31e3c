package dev.bootsplice.splice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HopDistributionTest {
    @Test
    void percentilesUseTheNearestRank() {
        HopDistribution d = new HopDistribution();
        for (int h = 1; h <= 100; h++) {
            d.record(h);
        }
        assertThat(d.percentile(50)).isEqualTo(50);
        assertThat(d.percentile(90)).isEqualTo(90);
        assertThat(d.percentile(99)).isEqualTo(99);
        assertThat(d.percentile(100)).isEqualTo(100);
        assertThat(d.total()).isEqualTo(5050);
        assertThat(d.mean()).isEqualTo(50.5);
        assertThat(d.max()).isEqualTo(100);
    }

    @Test
    void aSkewedDistributionReportsItsTail() {
        HopDistribution d = new HopDistribution();
        for (int i = 0; i < 95; i++) {
            d.record(0);
        }
        for (int i = 0; i < 5; i++) {
            d.record(1000);
        }
        assertThat(d.percentile(50)).isZero();
        assertThat(d.percentile(90)).isZero();
        assertThat(d.percentile(99)).isEqualTo(1000);
        assertThat(d.count(1000)).isEqualTo(5);
        assertThat(d.count(7)).isZero();
    }

    @Test
    void anEmptyDistributionIsAllZero() {
        HopDistribution d = new HopDistribution();
        assertThat(d.percentile(50)).isZero();
        assertThat(d.mean()).isZero();
        assertThat(d.accesses()).isZero();
    }

    @Test
    void negativeHopsAndOutOfRangePercentilesAreRejected() {
        HopDistribution d = new HopDistribution();
        assertThatThrownBy(() -> d.record(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.percentile(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
