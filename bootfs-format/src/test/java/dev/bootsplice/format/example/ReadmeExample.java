package dev.bootsplice.format.example;

// README:begin
import dev.bootsplice.format.BootfsArchiveEntry;
import dev.bootsplice.format.BootfsArchiveInputStream;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

public final class ReadmeExample {
    /** Prints an image's items, then every BOOTFS file with its size and SHA-256. */
    public static void describe(Path file, PrintStream out) throws Exception {
        try (ZbiImage image = ZbiImage.open(file)) { // throws ZbiFormatException on a broken rule
            for (ZbiItem item : image.items()) {
                out.printf("item %d %s, %d bytes%n", item.index(), item.type().name(), item.length());
            }
        }
        // The first BOOTFS item as a commons-compress archive: one entry per file, in directory order.
        try (BootfsArchiveInputStream bootfs = new BootfsArchiveInputStream(file)) {
            BootfsArchiveEntry entry;
            while ((entry = bootfs.getNextEntry()) != null) {
                out.printf("%s %d %s%n", entry.getName(), entry.getSize(), sha256(bootfs));
            }
        }
    }

    private static String sha256(BootfsArchiveInputStream in) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    }
}
// README:end
