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
    private FileSources() {
    }

    /** Key of content identified by its size and SHA-256. */
    record Digest(long size, String sha256) {
    }

    /** Identity of a range of some origin object (an array, an input image) compared by reference. */
    private record OriginKey(Identity origin, long offset, long length) {
    }

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
     * Returns a source that reads {@code file} when written; the size and digest are taken now, and a later
     * write fails when the file's size has changed.
     */
    static FileSource file(Path file) throws IOException {
        MessageDigest sha = sha256();
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[Streams.CHUNK];
            for (int n; (n = in.read(chunk)) > 0; size += n) {
                sha.update(chunk, 0, n);
            }
        }
        Digest key = new Digest(size, HexFormat.of().formatHex(sha.digest()));
        Object fileKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        return new PathSource(file, key, fileKey != null ? fileKey : file.toRealPath());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    /** A host file read again at write time. */
    private record PathSource(Path file, Digest key, Object fileKey) implements FileSource {
        @Override
        public long size() {
            return key.size();
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            long copied;
            try (InputStream in = Files.newInputStream(file)) {
                copied = in.transferTo(out);
            }
            if (copied != key.size()) {
                throw new IOException(file + ": size changed from " + key.size() + " to " + copied + " while packing");
            }
        }

        @Override
        public Object contentKey() {
            return key;
        }
    }
}
