package dev.bootsplice.format;

/** Whether an image can be booted, and if not why, in the words of the rule set that decided (spec §1.10). */
public record Bootability(boolean bootable, String reason) {
    /** Reason of a bootable image, as the reference tool's verdict line prints it. */
    public static final String BOOTABLE_REASON = "bootable image";

    /** Returns the newest tool's verdict line: {@code BOOTABLE: bootable image} or {@code UNBOOTABLE: <reason>}. */
    public String verdictLine() {
        return (bootable ? "BOOTABLE: " : "UNBOOTABLE: ") + reason;
    }

    /** Returns the 2020 tool's verdict line: {@code COMPLETE: bootable image} or {@code INCOMPLETE: <reason>}. */
    public String completeVerdictLine() {
        return (bootable ? "COMPLETE: " : "INCOMPLETE: ") + reason;
    }
}
