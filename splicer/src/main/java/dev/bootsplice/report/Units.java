package dev.bootsplice.report;

import java.util.Locale;

/** Words and units people read: "1 file" / "2 files", byte sizes in binary units, milliseconds. */
public final class Units {
    private Units() {}

    /** {@code n} with the noun, plural unless {@code n} is 1 or -1: "1 file", "0 files", "1,024 hops". */
    public static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s", n, Math.abs(n) == 1 ? noun : plural(noun));
    }

    private static String plural(String noun) {
        return noun.endsWith("s") || noun.endsWith("x") ? noun + "es" : noun + "s";
    }

    /** A byte count in the largest binary unit that keeps it at least 1: "512 B", "3.0 MiB". */
    public static String bytes(long n) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = Math.abs((double) n);
        if (v < 1024) {
            return n + " B";
        }
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%s%.1f %s", n < 0 ? "-" : "", v, units[u]);
    }

    /** A signed byte delta: "+3.0 MiB", "-512 B", "0 B". */
    public static String bytesDelta(long n) {
        return n > 0 ? "+" + bytes(n) : bytes(n);
    }

    /** Nanoseconds as milliseconds with two decimals: "12.34 ms". */
    public static String millis(double ns) {
        return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
    }

    /** A path's last component, the short name reports title an image with. */
    public static String fileName(String path) {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
