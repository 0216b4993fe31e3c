package dev.bootsplice.report;

/**
 * One metric of one strategy in two reports: {@code changePct = 100 × (new/old − 1)} (null when
 * the old value is 0 or either side lacks the metric); {@code regressed} only for gated metrics
 * that grew by more than the threshold (from 0 to anything above 0 counts as growth).
 */
public record MetricChange(
        String strategy,
        String metric,
        Double oldValue,
        Double newValue,
        Double changePct,
        boolean gated,
        boolean regressed) {}
