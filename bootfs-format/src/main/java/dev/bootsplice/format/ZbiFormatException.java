package dev.bootsplice.format;

/**
 * A ZBI or BOOTFS format rule was broken. {@link #offset()} is the offset of the failing header in the
 * image for container and item errors, and the offset of the failing dirent inside the (decompressed)
 * BOOTFS payload for BOOTFS errors (0 for BOOTFS header errors).
 */
public final class ZbiFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int itemIndex;
    private final transient ItemType itemType;
    private final long offset;
    private final String entryName;

    /** Creates an exception for the container or a bare payload (no item). */
    public ZbiFormatException(String reason, long offset) {
        this(reason, -1, null, offset, null);
    }

    /** Creates an exception with every field; {@code itemIndex} is -1 and {@code itemType}/{@code entryName} null when unknown. */
    public ZbiFormatException(String reason, int itemIndex, ItemType itemType, long offset, String entryName) {
        super(format(reason, itemIndex, itemType, offset, entryName));
        this.reason = reason;
        this.itemIndex = itemIndex;
        this.itemType = itemType;
        this.offset = offset;
        this.entryName = entryName;
    }

    /** Returns the spec's reason string, e.g. {@code bad item magic number}. */
    public String reason() {
        return reason;
    }

    /** Returns the index of the failing item, or -1 for container-level or payload-only errors. */
    public int itemIndex() {
        return itemIndex;
    }

    /** Returns the failing item's type, or null when unknown. */
    public ItemType itemType() {
        return itemType;
    }

    /** Returns the offset described in the class comment. */
    public long offset() {
        return offset;
    }

    /** Returns the BOOTFS entry name when known, else null. */
    public String entryName() {
        return entryName;
    }

    /** Returns a copy attributed to item {@code index} of {@code type}, keeping offset, entry and reason. */
    public ZbiFormatException inItem(int index, ItemType type) {
        ZbiFormatException e = new ZbiFormatException(reason, index, type, offset, entryName);
        e.initCause(this);
        return e;
    }

    private static String format(String reason, int itemIndex, ItemType itemType, long offset, String entryName) {
        return Locations.render(itemIndex, itemType, offset, entryName) + Locations.printable(reason);
    }
}
