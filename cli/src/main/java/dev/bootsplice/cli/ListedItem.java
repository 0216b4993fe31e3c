package dev.bootsplice.cli;

import dev.bootsplice.format.Bootfs;
import dev.bootsplice.format.CrcStatus;
import dev.bootsplice.format.ItemType;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiItem;

/**
 * One item as {@code list} shows it: the item, its CRC verdict ({@code null} when CRCs were not checked)
 * and, for BOOTFS items whose directory reads, the directory ({@code null} otherwise).
 */
record ListedItem(ZbiItem item, CrcStatus crc, Bootfs bootfs, NameFilter names) {

    /** Reads what {@code list} shows about {@code item}; problems are reported by the checker, not here. */
    static ListedItem of(ZbiItem item, boolean verifyCrc) {
        return of(item, verifyCrc, NameFilter.of(java.util.List.of()));
    }

    /** As {@link #of(ZbiItem, boolean)}, showing only the BOOTFS entries {@code names} selects. */
    static ListedItem of(ZbiItem item, boolean verifyCrc, NameFilter names) {
        CrcStatus crc = verifyCrc || !item.hasCrc32() ? item.crcStatus() : null;
        Bootfs bootfs = null;
        if (item.type().equals(ItemType.BOOTFS) || item.type().equals(ItemType.BOOTFS_FACTORY)) {
            try {
                bootfs = Bootfs.parseDirectory(item);
            } catch (ZbiFormatException e) {
                bootfs = null;
            }
        }
        return new ListedItem(item, crc, bootfs, names);
    }

    /** Returns the BOOTFS entries shown: those the patterns select, in directory order. */
    java.util.List<dev.bootsplice.format.BootfsEntry> entries() {
        return bootfs.entries().stream().filter(e -> names.selects(e.name())).toList();
    }

    /** Returns {@code ok}, {@code mismatch}, {@code none} or {@code unchecked}. */
    String crcWord() {
        return crc == null ? "unchecked" : crc.name().toLowerCase(java.util.Locale.ROOT);
    }
}
