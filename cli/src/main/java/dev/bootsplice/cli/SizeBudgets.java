package dev.bootsplice.cli;

import dev.bootsplice.diff.ImageInventory;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.report.SizeBudget;
import dev.bootsplice.report.SizeBudgetResult;
import java.util.ArrayList;
import java.util.List;

/** Evaluates `--fail-on size[...]` budgets on an open image. */
final class SizeBudgets {
    private SizeBudgets() {}

    /**
     * Returns each budget's result on {@code image} (none read when there are no budgets).
     *
     * @throws ZbiFormatException if the image's BOOTFS breaks a format rule
     */
    static List<SizeBudgetResult> evaluate(List<SizeBudget> budgets, ZbiImage image, String path)
            throws ZbiFormatException {
        if (budgets.isEmpty()) {
            return List.of();
        }
        ImageInventory inventory = ImageInventory.of(image, path);
        List<SizeBudgetResult> results = new ArrayList<>();
        budgets.forEach(b -> results.add(b.evaluate(inventory)));
        return results;
    }
}
