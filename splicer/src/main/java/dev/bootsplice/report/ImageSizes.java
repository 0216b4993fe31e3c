package dev.bootsplice.report;

import java.util.function.Predicate;

/** The sizes of an image's BOOTFS files that size budgets read, by a predicate on their names. */
public interface ImageSizes {
    /** How many files the predicate selects. */
    long fileCount(Predicate<String> selected);

    /** The uncompressed bytes of the selected files, a data range shared by several names once. */
    long uncompressedSize(Predicate<String> selected);

    /** The selected files' bytes compressed as one stream (see the implementation for the codec). */
    long compressedSize(Predicate<String> selected);
}
