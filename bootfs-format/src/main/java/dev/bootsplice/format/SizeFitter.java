package dev.bootsplice.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Scales raw (log-normal) sizes so the uncompressed BOOTFS of a plan is {@code pageAlign(target)}: the
 * directory block plus every distinct range rounded to pages. When the target is smaller than one page per
 * distinct file, every file gets one byte and the image is as small as it can be.
 */
final class SizeFitter {
    private SizeFitter() {}

    /**
     * Returns the plan with sizes set; {@code raw.get(i)} is the raw size of an original content, 0 for an
     * empty file, or {@code -1 - j} for a copy of file {@code j}'s content.
     */
    static List<GeneratorPlan.File> fit(List<GeneratorPlan.File> plan, List<Double> raw, long target, long maxFile) {
        long dirsize = 0;
        double rawSum = 0;
        int distinct = 0;
        for (int i = 0; i < plan.size(); i++) {
            dirsize += ZbiConstants.direntSize(plan.get(i).name().getBytes(StandardCharsets.UTF_8).length + 1L);
            if (raw.get(i) > 0) {
                rawSum += raw.get(i);
                distinct++;
            }
        }
        long dataTarget =
                ZbiConstants.pageAlign(target) - ZbiConstants.pageAlign(ZbiConstants.BOOTFS_HEADER_SIZE + dirsize);
        // Each distinct range wastes half a page on average to alignment.
        double scale = Math.max(0, dataTarget - distinct * 2048.0) / Math.max(1.0, rawSum);
        long[] sizes = new long[plan.size()];
        for (int i = 0; i < plan.size(); i++) {
            if (raw.get(i) > 0) {
                sizes[i] = Math.min(maxFile, Math.max(1, Math.round(raw.get(i) * scale)));
            }
        }
        absorb(sizes, dataTarget, maxFile);
        List<GeneratorPlan.File> out = new ArrayList<>(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            double r = raw.get(i);
            long size = r > 0 ? sizes[i] : r == 0 ? 0 : sizes[(int) (-1 - r)];
            GeneratorPlan.File f = plan.get(i);
            out.add(new GeneratorPlan.File(f.name(), size, f.contentId(), f.text()));
        }
        return out;
    }

    /**
     * Moves the page total of {@code sizes} (0 = not an original content) to {@code dataTarget}: a shortfall goes to
     * the largest file; an excess is cut from the largest files down, each keeping at least one page.
     */
    private static void absorb(long[] sizes, long dataTarget, long maxFile) {
        long used = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] > 0) {
                used += ZbiConstants.pageAlign(sizes[i]);
                order.add(i);
            }
        }
        if (order.isEmpty()) {
            return;
        }
        order.sort((a, b) -> sizes[a] != sizes[b] ? Long.compare(sizes[b], sizes[a]) : Integer.compare(a, b));
        long delta = dataTarget - used;
        if (delta >= 0) {
            int largest = order.get(0);
            sizes[largest] = Math.min(maxFile, sizes[largest] + delta);
            return;
        }
        for (int i : order) {
            long cut = Math.min(-delta, ZbiConstants.pageAlign(sizes[i]) - ZbiConstants.BOOTFS_PAGE_SIZE);
            sizes[i] -= cut;
            delta += cut;
            if (delta == 0) {
                return;
            }
        }
    }
}
