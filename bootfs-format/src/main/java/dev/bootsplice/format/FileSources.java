package dev.bootsplice.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@link FileSource}s over a byte array, a host file and a slice of an input BOOTFS; keyed by SHA-256. */
final class FileSources {
    private FileSources() {}

    /** Key of content identified by its size and SHA-256. */
    record Digest(long size, String sha256) {}

    /** Identity of a range of some origin object (an array, an input image) compared by reference. */
    private record OriginKey(Identity origin, long offset, long length) {}

    /** Wraps an object so that equality is reference equality. */
    private record Identity(Object object) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }

    /** Returns a source over {@code bytes}, which must not change afterwards; its file identity is the array. */
    static FileSource bytes(byte[] bytes) {
        return buffer(ByteBuffer.wrap(bytes), bytes, 0);
    }

    /**
     * Returns a source over the remaining bytes of {@code buffer} (not copied; must not change afterwards) whose
     * file identity is ({@code origin} by reference, {@code offset}).
     */
    static FileSource buffer(ByteBuffer buffer, Object origin, long offset) {
        ByteBuffer view = buffer.slice();
        return new BufferSource(view, new OriginKey(new Identity(origin), offset, view.remaining()));
    }

    /** Bytes already in memory (or mapped); the digest is computed on first use. */
    private static final class BufferSource implements FileSource {
        private final ByteBuffer view;
        private final OriginKey fileKey;
        private Digest key;

        BufferSource(ByteBuffer view, OriginKey fileKey) {
            this.view = view;
            this.fileKey = fileKey;
        }

        @Override
        public long size() {
            return view.remaining();
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            Streams.write(view.duplicate(), out);
        }

        @Override
        public Object contentKey() {
            if (key == null) {
                MessageDigest sha = sha256();
                sha.update(view.duplicate());
                key = new Digest(view.remaining(), HexFormat.of().formatHex(sha.digest()));
            }
            return key;
        }

        @Override
        public Object fileKey() {
            return fileKey;
        }
    }

    /**
     * Returns a source that reads {@code file} when written; its size is taken now (a later write fails when it
     * has changed) and its digest only when {@link FileSource#contentKey} is asked (another file has its size).
     */
    static FileSource file(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        try (InputStream in = Files.newInputStream(file)) {
            // Opened once now so that an unreadable file fails while the inputs are read, not while writing.
            in.available();
        }
        Object fileKey = attributes.fileKey();
        return new PathSource(file, attributes.size(), fileKey != null ? fileKey : file.toRealPath());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    /** A host file read when written, and for its digest. */
    private static final class PathSource implements FileSource {
        private final Path file;
        private final long size;
        private final Object fileKey;
        private Digest key;

        PathSource(Path file, long size, Object fileKey) {
            this.file = file;
            this.size = size;
            this.fileKey = fileKey;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            long copied;
            try (InputStream in = Files.newInputStream(file)) {
                copied = in.transferTo(out);
            }
            if (copied != size) {
                throw new IOException(file + ": size changed from " + size + " to " + copied + " while packing");
            }
        }

        @Override
        public Object contentKey() throws IOException {
            if (key == null) {
                MessageDigest sha = sha256();
                long n = 0;
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] chunk = new byte[Streams.CHUNK];
                    for (int r; (r = in.read(chunk)) > 0; n += r) {
                        sha.update(chunk, 0, r);
                    }
                }
                if (n != size) {
                    throw new IOException(file + ": size changed from " + size + " to " + n + " while packing");
                }
                key = new Digest(size, HexFormat.of().formatHex(sha.digest()));
            }
            return key;
        }

        @Override
        public Object fileKey() {
            return fileKey;
        }
    }
}
