package dev.bootsplice.splice;

/**
 * One file after splicing: its VMO size ({@code pages} × 4096), the pages that VMO owns itself,
 * the lookup hops of its first page (0 for an empty file, which has no page) and the first file
 * whose data range it shares (null if none) — the `splice --json` `files` row.
 */
public record SplicedFile(String name, long size, long pages, long ownedPages, int depth, String sharesRangeWith) {}
