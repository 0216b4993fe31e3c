package dev.bootsplice.format;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Recognises the reference tool's wrong CRC for an uncompressed BOOTFS holding an empty file (spec §4.9):
 * the running payload CRC restarts at the last empty file's {@code data_off} e, and the stored value is
 * {@code crc32_combine(crc(H0), crc(P[e..L)), L)}.
 */
final class EmptyFileCrcDefect {
    private EmptyFileCrcDefect() {}

    /** Returns true when {@code item} is an uncompressed BOOTFS with an empty file whose stored CRC has that value. */
    static boolean matches(ZbiItem item) {
        if (!item.type().equals(ItemType.BOOTFS)
                || item.isCompressed()
                || !item.hasCrc32()
                || item.isSynthetic()
                || item.length() > ImageBytes.MAX_SLICE) {
            return false;
        }
        ByteBuffer payload = item.rawPayload();
        long restart = -1;
        try {
            for (BootfsEntry e : Bootfs.parse(payload).entries()) {
                if (e.dataLength() == 0) {
                    restart = Math.max(restart, e.dataOffset());
                }
            }
        } catch (ZbiFormatException e) {
            return false;
        }
        if (restart < 0 || restart > item.length()) {
            return false;
        }
        CRC32 header = new CRC32();
        header.update(item.headerWithZeroCrc());
        CRC32 tail = new CRC32();
        MappedReads.updateCrc(tail, payload.slice((int) restart, (int) (item.length() - restart)));
        return Crc32Combine.combine(header.getValue(), tail.getValue(), item.length()) == item.storedCrc32();
    }
}
