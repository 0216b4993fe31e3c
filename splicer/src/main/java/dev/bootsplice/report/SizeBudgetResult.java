package dev.bootsplice.report;

import java.util.Locale;

/** A size budget evaluated on an image: the bytes and files its glob selected, and whether it failed. */
public record SizeBudgetResult(SizeBudget budget, long bytes, long files, boolean failed) {

    /** One line: {@code size[bin/**]>8MiB: actual 3,145,728 bytes (3.0 MiB) in 12 files (ok)}. */
    public String message() {
        return String.format(
                Locale.ROOT,
                "%s: actual %,d bytes (%s%s) in %s (%s)",
                budget.text(),
                bytes,
                Units.bytes(bytes),
                budget.compressed() ? " compressed" : "",
                Units.count(files, "file"),
                failed ? "FAILED" : "ok");
    }
}
