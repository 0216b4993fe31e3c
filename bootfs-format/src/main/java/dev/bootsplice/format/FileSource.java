package dev.bootsplice.format;

import java.io.IOException;

/** The content of one BOOTFS file: a replayable payload plus a key under which equal contents share a range. */
interface FileSource extends PayloadSource {
    /**
     * Returns a value equal (by {@code equals}) to another source's key exactly when both hold the same bytes;
     * computed at most once.
     */
    Object contentKey() throws IOException;

    /** Returns a value equal to another source's key exactly when both are the same file, array or input range. */
    Object fileKey();

    /** Returns the key that decides range sharing under {@code sharing}. */
    default Object key(RangeSharing sharing) throws IOException {
        return sharing == RangeSharing.SAME_FILE ? fileKey() : contentKey();
    }
}
