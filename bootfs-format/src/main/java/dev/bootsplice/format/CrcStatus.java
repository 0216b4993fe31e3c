package dev.bootsplice.format;

/** Result of verifying an item's CRC32 (spec §1.6). */
public enum CrcStatus {
    /** The CRC32 flag is set and the stored value equals the computed one. */
    OK,
    /** The CRC32 flag is set and the stored value differs from the computed one. */
    MISMATCH,
    /** The CRC32 flag is clear: there is nothing to verify. */
    NONE
}
