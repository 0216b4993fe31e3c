package dev.bootsplice.cli;

import dev.bootsplice.format.PackSummary;
import java.nio.file.Path;

/** The one-line summary {@code pack} and {@code generate} print after writing an image. */
final class WrittenImage {
    private WrittenImage() {}

    /** Returns e.g. {@code wrote out.zbi: 2 items, 500 files in 471 ranges, BOOTFS 16777216 bytes, 6463016 bytes written}. */
    static String summary(Path output, PackSummary s, boolean bareBootfs) {
        String what = bareBootfs ? "bare BOOTFS" : plural(s.items(), "item");
        return "wrote " + output + ": " + what + ", " + plural(s.files(), "file") + " in " + plural(s.ranges(), "range")
                + ", BOOTFS " + s.bootfsBytes() + " bytes, " + s.outputBytes() + " bytes written";
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
