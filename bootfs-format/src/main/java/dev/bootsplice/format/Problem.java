package dev.bootsplice.format;

import java.util.Objects;

/**
 * One finding of a check: its severity, the item index (-1 for the container), the BOOTFS entry name
 * (or null), the offset (of the item header in the image, or of the dirent inside the BOOTFS payload
 * when {@code entry} is set or the reason concerns the BOOTFS directory) and the spec's reason string.
 */
public record Problem(Severity severity, int item, String entry, long offset, String reason) {

    /** Creates a problem; severity and reason are required. */
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(reason, "reason");
    }

    /** Returns the error problem describing {@code e}. */
    public static Problem of(ZbiFormatException e) {
        return new Problem(Severity.ERROR, e.itemIndex(), e.entryName(), e.offset(), e.reason());
    }

    /** Returns this problem with the given severity. */
    public Problem withSeverity(Severity newSeverity) {
        return new Problem(newSeverity, item, entry, offset, reason);
    }

    /** Returns this problem attributed to item {@code index}. */
    public Problem withItem(int index) {
        return new Problem(severity, index, entry, offset, reason);
    }

    /**
     * Returns the CLI's one-line form without severity, as {@link ZbiFormatException#getMessage()} reads:
     * {@code item 1 (BOOTFS) at 0x24: entry "bin/sh": reason}; {@code itemType} may be null.
     */
    public String message(ItemType itemType) {
        return new ZbiFormatException(reason, item, item >= 0 ? itemType : null, offset, entry).getMessage();
    }

    /** Returns the one-line form {@code warning: item 1 at 0x24: entry "a": reason}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(severity == Severity.ERROR ? "error: " : "warning: ");
        if (item >= 0) {
            s.append("item ").append(item).append(' ');
        }
        s.append("at 0x").append(Long.toHexString(offset)).append(": ");
        if (entry != null) {
            s.append("entry \"").append(entry).append("\": ");
        }
        return s.append(reason).toString();
    }
}
