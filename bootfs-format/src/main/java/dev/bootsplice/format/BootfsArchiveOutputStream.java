package dev.bootsplice.format;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveOutputStream;

/**
 * Collects commons-compress entries and, on {@link #finish()}, writes them as a ZBI holding one BOOTFS item
 * (compressed as asked) or as a bare BOOTFS, with the {@link BootfsBuilder}'s order and range sharing.
 * Entry contents are held in memory until then. Directory entries are accepted and ignored (BOOTFS
 * directories are implied by names); bad or duplicate names fail with an {@link IOException} whose cause is
 * the {@link UsageException}.
 */
public final class BootfsArchiveOutputStream extends ArchiveOutputStream<BootfsArchiveEntry> {
    private final BootfsBuilder builder = new BootfsBuilder();
    private final Compression compression;
    private final boolean bareBootfs;
    private BootfsArchiveEntry entry;
    private ByteArrayOutputStream content;

    /** Writes a ZBI with one zstd-compressed (level 4) BOOTFS item. */
    public BootfsArchiveOutputStream(OutputStream out) {
        this(out, Compression.DEFAULT, false);
    }

    /** Writes a bare BOOTFS when {@code bareBootfs}, else a ZBI whose BOOTFS item is compressed as given. */
    public BootfsArchiveOutputStream(OutputStream out, Compression compression, boolean bareBootfs) {
        super(out);
        this.compression = java.util.Objects.requireNonNull(compression);
        this.bareBootfs = bareBootfs;
    }

    @Override
    public BootfsArchiveEntry createArchiveEntry(File file, String entryName) {
        return new BootfsArchiveEntry(entryName, file.isFile() ? file.length() : 0, -1, file.isDirectory());
    }

    @Override
    public void putArchiveEntry(BootfsArchiveEntry archiveEntry) throws IOException {
        checkFinished();
        if (entry != null) {
            throw new IOException("entry \"" + entry.getName() + "\" is still open");
        }
        entry = archiveEntry;
        content = new ByteArrayOutputStream();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (entry == null) {
            throw new IOException("no current entry");
        }
        if (entry.isDirectory() && len > 0) {
            throw new IOException("entry \"" + entry.getName() + "\" is a directory and holds no data");
        }
        content.write(b, off, len);
        count(len);
    }

    @Override
    public void closeArchiveEntry() throws IOException {
        if (entry == null) {
            throw new IOException("no current entry");
        }
        BootfsArchiveEntry closing = entry;
        byte[] bytes = content.toByteArray();
        entry = null;
        content = null;
        if (closing.isDirectory()) {
            return;
        }
        if (closing.getSize() != ArchiveEntry.SIZE_UNKNOWN && closing.getSize() != bytes.length) {
            throw new IOException("entry \"" + closing.getName() + "\" declared " + closing.getSize() + " bytes, got "
                    + bytes.length);
        }
        try {
            builder.add(closing.getName(), bytes);
        } catch (UsageException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void finish() throws IOException {
        checkFinished();
        if (entry != null) {
            throw new IOException("entry \"" + entry.getName() + "\" was not closed");
        }
        try {
            if (bareBootfs) {
                builder.writeTo(out);
            } else {
                new ZbiWriter()
                        .addStorageItem(ItemType.BOOTFS, builder, compression)
                        .writeTo(out);
            }
        } catch (UsageException e) {
            throw new IOException(e.getMessage(), e);
        }
        out.flush();
        super.finish();
    }

    /** Finishes the archive if that has not happened yet, then closes the underlying stream. */
    @Override
    public void close() throws IOException {
        try {
            if (!isFinished()) {
                finish();
            }
        } finally {
            super.close();
        }
    }
}
