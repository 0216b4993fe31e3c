package dev.bootsplice.profile;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.List;

/**
 * The measured (wall-clock, noisy) side of one strategy over all its measured runs: per phase the
 * median, the spread (min and max) and every run's time, in round order. The report's
 * {@code setup.measuredNs} and {@code lookup.measuredNs} are the medians.
 */
@JsonPropertyOrder({"runs", "setup", "lookup"})
public record Measured(int runs, Phase setup, Phase lookup) {

    /** One phase's times: median (the lower middle one for an even count), min, max, every sample in ns. */
    @JsonPropertyOrder({"medianNs", "minNs", "maxNs", "samplesNs"})
    public record Phase(long medianNs, long minNs, long maxNs, List<Long> samplesNs) {
        public Phase {
            samplesNs = samplesNs == null ? List.of() : List.copyOf(samplesNs);
        }

        /** The statistics of {@code samples} (at least one), kept in the order given. */
        public static Phase of(long[] samples) {
            if (samples.length == 0) {
                throw new IllegalArgumentException("a measured phase needs at least one sample");
            }
            long[] sorted = samples.clone();
            Arrays.sort(sorted);
            return new Phase(
                    sorted[(sorted.length - 1) / 2],
                    sorted[0],
                    sorted[sorted.length - 1],
                    Arrays.stream(samples).boxed().toList());
        }

        /** Whether {@code ns} lies within [min, max]. */
        public boolean spans(long ns) {
            return ns >= minNs && ns <= maxNs;
        }
    }
}
