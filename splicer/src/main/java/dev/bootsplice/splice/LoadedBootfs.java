package dev.bootsplice.splice;

import dev.bootsplice.format.BootfsEntry;
import java.util.List;

/**
 * A BOOTFS in its root VMO ("uncompressed-bootfs"): the directory, the root's handle and size,
 * and the ZBI VMO's handle when the root is its SNAPSHOT child (0 when the ZBI VMO was closed).
 */
record LoadedBootfs(List<BootfsEntry> entries, int rootHandle, long bootfsBytes, int zbiHandle) {
    /** Whether the root VMO is zbitl's snapshot of the ZBI VMO rather than a VMO of its own. */
    boolean snapshotOfZbi() {
        return zbiHandle != 0;
    }
}
