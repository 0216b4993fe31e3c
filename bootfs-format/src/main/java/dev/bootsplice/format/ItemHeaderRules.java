package dev.bootsplice.format;

import java.nio.ByteBuffer;

/** The header checks zbitl applies to every header, container included (spec §1.5 rows 2–4, §1.11 rows 4–6). */
final class ItemHeaderRules {
    private ItemHeaderRules() {}

    /** Returns the zbitl reason for the first broken rule of the little-endian header {@code h}, or null. */
    static String check(ByteBuffer h) {
        int flags = h.getInt(12);
        if (h.getInt(24) != ZbiConstants.ITEM_MAGIC) {
            return "bad item magic number";
        }
        if ((flags & ZbiConstants.FLAGS_VERSION) == 0) {
            return "bad item header version";
        }
        if ((flags & ZbiConstants.FLAGS_CRC32) == 0 && h.getInt(28) != ZbiConstants.ITEM_NO_CRC32) {
            return "bad crc32 field in item without CRC";
        }
        return null;
    }
}
