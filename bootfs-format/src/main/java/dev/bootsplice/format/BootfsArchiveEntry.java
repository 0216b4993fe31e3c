package dev.bootsplice.format;

import java.util.Date;
import java.util.Objects;
import org.apache.commons.compress.archivers.ArchiveEntry;

/**
 * One BOOTFS file in commons-compress form. BOOTFS stores no times, so the modification date is the epoch
 * (keeping archives built from these entries reproducible); directories exist only implied by names.
 */
public final class BootfsArchiveEntry implements ArchiveEntry {
    private final String name;
    private final long size;
    private final long dataOffset;
    private final boolean directory;

    /** Creates an entry to write: a file of {@code size} bytes, or {@link ArchiveEntry#SIZE_UNKNOWN}. */
    public BootfsArchiveEntry(String name, long size) {
        this(name, size, -1, false);
    }

    BootfsArchiveEntry(String name, long size, long dataOffset, boolean directory) {
        this.name = Objects.requireNonNull(name);
        this.size = size;
        this.dataOffset = dataOffset;
        this.directory = directory;
    }

    /** Returns an entry for a BOOTFS dirent read from an image. */
    static BootfsArchiveEntry of(BootfsEntry e) {
        return new BootfsArchiveEntry(e.name(), e.dataLength(), e.dataOffset(), false);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public long getSize() {
        return size;
    }

    /** Returns the file's {@code data_off} in the BOOTFS it was read from, or -1 for an entry to write. */
    public long getDataOffset() {
        return dataOffset;
    }

    @Override
    public boolean isDirectory() {
        return directory;
    }

    /** Returns the epoch: BOOTFS records no times. */
    @Override
    public Date getLastModifiedDate() {
        return new Date(0);
    }

    @Override
    public String toString() {
        return name + " (" + size + " bytes)";
    }
}
