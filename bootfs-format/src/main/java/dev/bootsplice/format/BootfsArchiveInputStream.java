package dev.bootsplice.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.ArchiveInputStream;

/**
 * Reads the files of a bare BOOTFS image or of a ZBI's first BOOTFS item as commons-compress entries, in
 * directory order. From a stream the whole image is read into memory first (the format needs random
 * access); from a path it is memory-mapped. Broken images fail with an {@link IOException} whose cause is
 * the {@link ZbiFormatException}.
 */
public final class BootfsArchiveInputStream extends ArchiveInputStream<BootfsArchiveEntry> {
    /** Largest image read from a stream into one array. */
    static final int MAX_STREAM_BYTES = Integer.MAX_VALUE - 8;

    private final ZbiImage image;
    private final Bootfs bootfs;
    private final List<BootfsEntry> entries;
    private int next;
    /** Unread bytes of the current entry; empty before the first entry. */
    private ByteBuffer current = ByteBuffer.allocate(0);

    /** Reads the whole stream (at most 2 GiB, else an IOException) and opens the image it holds. */
    public BootfsArchiveInputStream(InputStream in) throws IOException {
        this(readImage(in), in);
    }

    /** Opens the image file memory-mapped. */
    public BootfsArchiveInputStream(Path file) throws IOException {
        this(openImage(file), null);
    }

    private BootfsArchiveInputStream(ZbiImage image, InputStream in) throws IOException {
        super(in, "UTF-8");
        this.image = image;
        try {
            ZbiItem item = image.firstBootfs().orElseThrow(() -> new IOException(image.name() + ": no BOOTFS item"));
            this.bootfs = Bootfs.parse(item.payload());
        } catch (ZbiFormatException e) {
            image.close();
            throw new IOException(image.name() + ": " + e.getMessage(), e);
        }
        this.entries = bootfs.entries();
    }

    @Override
    public BootfsArchiveEntry getNextEntry() {
        if (next >= entries.size()) {
            current = ByteBuffer.allocate(0);
            return null;
        }
        BootfsEntry e = entries.get(next++);
        current = bootfs.content(e);
        return BootfsArchiveEntry.of(e);
    }

    @Override
    public int read(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!current.hasRemaining()) {
            return -1;
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        count(n);
        return n;
    }

    @Override
    public void close() throws IOException {
        try {
            image.close();
        } finally {
            if (in != null) {
                in.close();
            }
        }
    }

    private static ZbiImage readImage(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_STREAM_BYTES);
        if (in.read() >= 0) {
            throw new IOException(
                    "<stream>: image larger than " + MAX_STREAM_BYTES + " bytes; open it by path instead");
        }
        try {
            return ZbiImage.read(ByteBuffer.wrap(bytes), "<stream>");
        } catch (ZbiFormatException e) {
            throw new IOException("<stream>: " + e.getMessage(), e);
        }
    }

    private static ZbiImage openImage(Path file) throws IOException {
        try {
            return ZbiImage.open(file);
        } catch (ZbiFormatException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
