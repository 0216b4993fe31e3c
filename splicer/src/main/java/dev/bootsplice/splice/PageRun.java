package dev.bootsplice.splice;

/** {@code count} pages of one file VMO read in order from {@code firstPage}. */
record PageRun(FileVmo file, long firstPage, long count) {}
