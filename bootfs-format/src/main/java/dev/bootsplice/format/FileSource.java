package dev.bootsplice.format;

import java.io.IOException;

/** The content of one BOOTFS file: a replayable payload plus a key under which equal contents share a range. */
interface FileSource extends PayloadSource {
    /**
     * Returns a value equal (by {@code equals}) to another source's key exactly when both hold the same bytes;
     * computed at most once.
     */
    Object contentKey() throws IOException;
}
