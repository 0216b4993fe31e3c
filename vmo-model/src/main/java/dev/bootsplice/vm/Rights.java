package dev.bootsplice.vm;

import java.util.ArrayList;
import java.util.List;

/** Zircon handle rights (zircon-vm.md §3.2), with a text form of {@code READ|WRITE} style sets. */
public final class Rights {
    public static final int NONE = 0;
    public static final int DUPLICATE = 1 << 0;
    public static final int TRANSFER = 1 << 1;
    public static final int READ = 1 << 2;
    public static final int WRITE = 1 << 3;
    public static final int EXECUTE = 1 << 4;
    public static final int MAP = 1 << 5;
    public static final int GET_PROPERTY = 1 << 6;
    public static final int SET_PROPERTY = 1 << 7;
    public static final int SIGNAL = 1 << 12;
    public static final int SIGNAL_PEER = 1 << 13;
    public static final int WAIT = 1 << 14;
    public static final int INSPECT = 1 << 15;
    public static final int RESIZE = 1 << 22;
    public static final int ATTACH_VMO = 1 << 23;
    public static final int MANAGE_VMO = 1 << 24;
    public static final int SAME_RIGHTS = 1 << 31;

    /** {@code ZX_RIGHTS_BASIC}: TRANSFER | DUPLICATE | WAIT | INSPECT. */
    public static final int BASIC = TRANSFER | DUPLICATE | WAIT | INSPECT;
    /** {@code ZX_DEFAULT_VMO_RIGHTS} = 0xD0EF. */
    public static final int DEFAULT_VMO = BASIC | READ | WRITE | GET_PROPERTY | SET_PROPERTY | MAP | SIGNAL;
    /** {@code ZX_DEFAULT_EVENT_RIGHTS}: BASIC | SIGNAL. */
    public static final int DEFAULT_EVENT = BASIC | SIGNAL;
    /** Rights of a PMT handle: INSPECT only. */
    public static final int DEFAULT_PMT = INSPECT;

    private static final String[] NAMES = {
        "DUPLICATE",
        "TRANSFER",
        "READ",
        "WRITE",
        "EXECUTE",
        "MAP",
        "GET_PROPERTY",
        "SET_PROPERTY",
        null,
        null,
        null,
        null,
        "SIGNAL",
        "SIGNAL_PEER",
        "WAIT",
        "INSPECT",
        null,
        null,
        null,
        null,
        null,
        null,
        "RESIZE",
        "ATTACH_VMO",
        "MANAGE_VMO",
        null,
        null,
        null,
        null,
        null,
        null,
        "SAME_RIGHTS"
    };

    private Rights() {}

    /** Formats a set as {@code READ|WRITE}; the empty set is {@code NONE}. */
    public static String format(int rights) {
        if (rights == 0) {
            return "NONE";
        }
        List<String> parts = new ArrayList<>();
        for (int bit = 0; bit < 32; bit++) {
            if ((rights & (1 << bit)) != 0) {
                parts.add(NAMES[bit] != null ? NAMES[bit] : String.format("0x%x", 1 << bit));
            }
        }
        return String.join("|", parts);
    }

    /**
     * Parses {@code NONE}, {@code SAME_RIGHTS}, {@code 0} or names joined by {@code |}.
     *
     * @throws IllegalArgumentException naming the first unknown word
     */
    public static int parse(String text) {
        if (text.equals("NONE") || text.equals("0")) {
            return NONE;
        }
        int rights = 0;
        for (String word : text.split("\\|", -1)) {
            rights |= bitOf(word);
        }
        return rights;
    }

    private static int bitOf(String word) {
        for (int bit = 0; bit < NAMES.length; bit++) {
            if (word.equals(NAMES[bit])) {
                return 1 << bit;
            }
        }
        throw new IllegalArgumentException("unknown right " + (word.isEmpty() ? "(empty)" : word));
    }
}
