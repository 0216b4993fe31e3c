package dev.bootsplice.splice;

import dev.bootsplice.format.BootfsEntry;

/**
 * One BOOTFS file and the handle of its VMO; files of one shared range hold duplicates of one
 * VMO, and {@code sharesRangeWith} names the first file of that range (null for that first file).
 */
record FileVmo(BootfsEntry entry, int handle, String sharesRangeWith) {
    static final long PAGE = 4096;

    String name() {
        return entry.name();
    }

    /** Pages the file's data occupies: {@code pageAlign(data_len) / 4096}. */
    long pages() {
        return pagesOf(entry.dataLength());
    }

    static long pagesOf(long bytes) {
        return (bytes + PAGE - 1) / PAGE;
    }
}
