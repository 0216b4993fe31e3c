package dev.bootsplice.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** An item added to a {@link ZbiWriter}, not yet measured: a new raw item, a new storage item, or a copy. */
final class PendingItem {
    private enum Kind {
        RAW,
        STORAGE,
        LEGACY_STORAGE,
        COPY
    }

    private final Kind kind;
    private final int type;
    private final long extra;
    private final PayloadSource payload;
    private final Compression compression;
    private final byte[] copiedHeader;

    private PendingItem(
            Kind kind, int type, long extra, PayloadSource payload, Compression compression, byte[] copiedHeader) {
        this.kind = kind;
        this.type = type;
        this.extra = extra;
        this.payload = payload;
        this.compression = compression;
        this.copiedHeader = copiedHeader;
    }

    static PendingItem raw(int type, long extra, PayloadSource payload) {
        return new PendingItem(Kind.RAW, type, extra, payload, Compression.NONE, null);
    }

    static PendingItem storage(int type, PayloadSource payload, Compression compression) {
        return new PendingItem(Kind.STORAGE, type, 0, payload, compression, null);
    }

    /** A storage item whose {@code extra} stays 0 when it is not compressed, as the 2020 tool writes it. */
    static PendingItem legacyStorage(int type, PayloadSource payload, Compression compression) {
        return new PendingItem(Kind.LEGACY_STORAGE, type, 0, payload, compression, null);
    }

    static PendingItem copy(ByteBuffer header, PayloadSource payload) {
        byte[] bytes = new byte[ZbiConstants.HEADER_SIZE];
        header.duplicate().get(bytes);
        return new PendingItem(Kind.COPY, 0, 0, payload, Compression.NONE, bytes);
    }

    /** Measures the payload (compressing it when asked) and finishes the header with its CRC-32. */
    PreparedItem prepare() throws UsageException, IOException {
        long size = payload.size();
        if (size > ZbiConstants.UINT32_MAX) {
            throw new UsageException("item payload of " + size + " bytes exceeds format maximum");
        }
        return switch (kind) {
            case COPY -> new PreparedItem(copiedHeader, size, payload::writeTo, null);
            case RAW -> uncompressed(extra, size);
            case STORAGE -> compression.isNone() ? uncompressed(size, size) : compressed(size);
            case LEGACY_STORAGE -> compression.isNone() ? uncompressed(0, size) : compressed(size);
        };
    }

    private PreparedItem uncompressed(long extraField, long size) throws IOException {
        int flags = ZbiConstants.FLAGS_VERSION | ZbiConstants.FLAGS_CRC32;
        byte[] header = ZbiWriter.header(type, size, extraField, flags, 0);
        int crc = ZbiWriter.itemCrc(header, ZbiWriter.crcOf(payload), size);
        return new PreparedItem(ZbiWriter.header(type, size, extraField, flags, crc), size, payload::writeTo, null);
    }

    private PreparedItem compressed(long size) throws UsageException, IOException {
        Spool spool = new Spool();
        try {
            try (OutputStream frame = FrameCompressor.open(compression, size, spool)) {
                payload.writeTo(frame);
            }
            if (spool.length() > ZbiConstants.UINT32_MAX) {
                throw new UsageException("compressed payload of " + spool.length() + " bytes exceeds format maximum");
            }
            int flags = ZbiConstants.FLAGS_VERSION | ZbiConstants.FLAGS_CRC32 | ZbiConstants.FLAGS_STORAGE_COMPRESSED;
            byte[] header = ZbiWriter.header(type, spool.length(), size, flags, 0);
            int crc = ZbiWriter.itemCrc(header, spool.crc32(), spool.length());
            return new PreparedItem(
                    ZbiWriter.header(type, spool.length(), size, flags, crc), spool.length(), spool::copyTo, spool);
        } catch (UsageException | IOException | RuntimeException e) {
            spool.close();
            throw e;
        }
    }

    /** A measured item: final header, payload length, and how to write the payload. */
    static final class PreparedItem implements AutoCloseable {
        /** Writes a payload to a stream. */
        interface Writer {
            void writeTo(OutputStream out) throws IOException;
        }

        private final byte[] header;
        private final long length;
        private final Writer writer;
        private final Spool spool;

        PreparedItem(byte[] header, long length, Writer writer, Spool spool) {
            this.header = header;
            this.length = length;
            this.writer = writer;
            this.spool = spool;
        }

        byte[] header() {
            return header;
        }

        long length() {
            return length;
        }

        void writePayload(OutputStream out) throws IOException {
            writer.writeTo(out);
        }

        @Override
        public void close() throws IOException {
            if (spool != null) {
                spool.close();
            }
        }
    }
}
