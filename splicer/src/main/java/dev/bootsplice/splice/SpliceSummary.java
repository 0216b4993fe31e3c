package dev.bootsplice.splice;

/**
 * The model after splicing — the `splice --json` `summary`: VMOs and hidden nodes alive, pages
 * allocated in the whole model (BOOTFS root included), the pages copied, moved and zeroed by the
 * splice itself, and the first-page lookup depth over the files that have a page.
 */
public record SpliceSummary(
        long vmos,
        long hiddenNodes,
        long pagesAllocated,
        long pagesCopied,
        long pagesMoved,
        long pagesZeroed,
        int maxDepth,
        double meanDepth) {}
