package dev.bootsplice.format;

/** When two BOOTFS names share one data range (spec §2.6, §4.4 step 7). */
public enum RangeSharing {
    /** Files with identical bytes (SHA-256) share a range, as the newest reference tool does. The default. */
    SAME_CONTENT,
    /**
     * Only names for the same host file (hard links: same device and inode), the same byte array, or the same
     * range of one input BOOTFS share a range, as the 2020 reference tool does; reproduces its images exactly.
     */
    SAME_FILE
}
