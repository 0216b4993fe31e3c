package dev.bootsplice.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/** Compression formats of storage item payloads, identified by the magic at the start of the payload (spec §1.8). */
public enum Codec {
    /** A zstd frame; the only format zbitl (the boot path) decompresses. */
    ZSTD("zstd", ZbiConstants.ZSTD_MAGIC),
    /** An LZ4 frame (LZ4F); read by the reference tool only. */
    LZ4F("lz4f", ZbiConstants.LZ4F_MAGIC);

    private final String displayName;
    private final int magic;

    Codec(String displayName, int magic) {
        this.displayName = displayName;
        this.magic = magic;
    }

    /** Returns the name used on the command line and in listings: "zstd" or "lz4f". */
    public String displayName() {
        return displayName;
    }

    /** Returns the frame magic as read little-endian from the first four payload bytes. */
    public int magic() {
        return magic;
    }

    /** Returns the codec whose little-endian frame magic equals {@code magic}, if any. */
    public static Optional<Codec> ofMagic(int magic) {
        for (Codec codec : values()) {
            if (codec.magic == magic) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    /** Returns the codec whose magic starts {@code payload} (from its position), or empty when it is shorter than 4 bytes or unknown. */
    public static Optional<Codec> detect(ByteBuffer payload) {
        if (payload.remaining() < 4) {
            return Optional.empty();
        }
        return ofMagic(payload.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(payload.position()));
    }
}
