package dev.bootsplice.format;

import java.util.Objects;

/**
 * One finding of a check: its severity, the item index (-1 for the container) and type (null when unknown), the
 * BOOTFS entry name (or null), the offset (of the item header in the image, or of the dirent inside the BOOTFS
 * payload when {@code entry} is set or the reason concerns the BOOTFS directory) and the spec's reason string.
 */
public record Problem(Severity severity, int item, ItemType itemType, String entry, long offset, String reason) {

    /** Creates a problem; severity and reason are required. */
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(reason, "reason");
    }

    /** Creates a problem of an unknown item type (the container's, or one a caller attributes later). */
    public Problem(Severity severity, int item, String entry, long offset, String reason) {
        this(severity, item, null, entry, offset, reason);
    }

    /** Returns the error problem describing {@code e}. */
    public static Problem of(ZbiFormatException e) {
        return new Problem(Severity.ERROR, e.itemIndex(), e.itemType(), e.entryName(), e.offset(), e.reason());
    }

    /** Returns this problem with the given severity. */
    public Problem withSeverity(Severity newSeverity) {
        return new Problem(newSeverity, item, itemType, entry, offset, reason);
    }

    /** Returns this problem attributed to item {@code index} of {@code type}. */
    public Problem withItem(int index, ItemType type) {
        return new Problem(severity, index, type, entry, offset, reason);
    }

    /**
     * Returns the one-line form without severity, as {@link ZbiFormatException#getMessage()} reads:
     * {@code item 1 (BOOTFS) at 0x24: entry "bin/sh": reason}.
     */
    public String message() {
        return Locations.render(item, itemType, offset, entry) + Locations.printable(reason);
    }

    /** Returns the one-line form with severity, {@code warning: item 1 (BOOTFS) at 0x24: entry "a": reason}. */
    @Override
    public String toString() {
        return (severity == Severity.ERROR ? "error: " : "warning: ") + message();
    }
}
