package dev.bootsplice.format;

/**
 * What {@link ImagePacker} wrote.
 *
 * @param items number of items in the ZBI (0 for a bare BOOTFS)
 * @param files number of BOOTFS names
 * @param ranges number of distinct BOOTFS data ranges (files minus shared and empty ones)
 * @param bootfsBytes size of the uncompressed BOOTFS image (0 when there is none)
 * @param outputBytes size of the file written
 */
public record PackSummary(int items, int files, int ranges, long bootfsBytes, long outputBytes) {}
