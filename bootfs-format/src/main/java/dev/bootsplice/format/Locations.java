package dev.bootsplice.format;

/**
 * Renders where a finding is, the one way every message of the project names it:
 * {@code item 1 (BOOTFS) at 0x20: entry "bin/sh": }. Control characters in an entry name (C0, DEL, C1) are
 * written as {@code \xNN}, so a hostile name can neither split the one-line message nor drive a terminal.
 */
public final class Locations {
    private Locations() {}

    /**
     * Returns the location prefix, ending in {@code ": "}: the item part only when {@code item >= 0} (its type
     * only when known), the entry part only when {@code entry} is not null.
     */
    public static String render(int item, ItemType type, long offset, String entry) {
        StringBuilder s = new StringBuilder();
        if (item >= 0) {
            s.append("item ").append(item);
            if (type != null) {
                s.append(" (").append(type.shortName()).append(')');
            }
            s.append(' ');
        }
        s.append("at 0x").append(Long.toHexString(offset)).append(": ");
        if (entry != null) {
            s.append("entry \"").append(printable(entry)).append("\": ");
        }
        return s.toString();
    }

    /** Returns {@code text} with control characters (C0, DEL and C1) written as {@code \xNN}. */
    public static String printable(String text) {
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c < 0xa0);
            if (control && s == null) {
                s = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (s != null) {
                s.append(control ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return s == null ? text : s.toString();
    }
}
