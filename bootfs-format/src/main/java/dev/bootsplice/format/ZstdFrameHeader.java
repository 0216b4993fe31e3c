package dev.bootsplice.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalLong;

/** Reads the content size a zstd frame header declares (RFC 8878 §3.1.1.1), without decompressing anything. */
final class ZstdFrameHeader {
    private static final int[] DICT_ID_SIZE = {0, 1, 2, 4};
    private static final int[] FCS_SIZE = {0, 2, 4, 8};

    private ZstdFrameHeader() {}

    /** Returns the frame content size, or empty when the header omits it or is too short to tell. */
    static OptionalLong contentSize(ByteBuffer payload) {
        ByteBuffer b = payload.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int base = b.position();
        if (b.remaining() < 5 || b.getInt(base) != ZbiConstants.ZSTD_MAGIC) {
            return OptionalLong.empty();
        }
        int descriptor = b.get(base + 4) & 0xff;
        int fcsFlag = descriptor >>> 6;
        boolean singleSegment = (descriptor & 0x20) != 0;
        int fcsSize = fcsFlag == 0 ? (singleSegment ? 1 : 0) : FCS_SIZE[fcsFlag];
        if (fcsSize == 0) {
            return OptionalLong.empty();
        }
        int at = 5 + (singleSegment ? 0 : 1) + DICT_ID_SIZE[descriptor & 3];
        if (b.remaining() < at + fcsSize) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = fcsSize - 1; i >= 0; i--) {
            value = (value << 8) | (b.get(base + at + i) & 0xff);
        }
        return OptionalLong.of(fcsSize == 2 ? value + 256 : value);
    }
}
