package dev.bootsplice.splice;

import dev.bootsplice.format.BootfsEntry;
import java.util.List;

/** A BOOTFS in its root VMO ("uncompressed-bootfs"): the directory, the root's handle and size. */
record LoadedBootfs(List<BootfsEntry> entries, int rootHandle, long bootfsBytes) {}
