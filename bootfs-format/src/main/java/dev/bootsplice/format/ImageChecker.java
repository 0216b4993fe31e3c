package dev.bootsplice.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an image against every rule of spec §3 (Z1–Z20, S1–S6, F1–F21): zbitl's rules and CRC mismatches
 * are errors, the project's and the reference tool's stricter rules are warnings, and strict mode makes every
 * warning an error. Every compressed item is decompressed; problems come in image order.
 */
public final class ImageChecker {
    static final String Z10 = "trailing bytes after container";
    static final String Z16 = "CRC mismatch";
    static final String Z16_DEFECT_NOTE = " (matches reference-tool empty-file CRC defect)";
    static final String Z17 = "reserved field nonzero";
    static final String Z18 = "unknown flags";
    static final String Z19 = "unexpected extra";
    static final String Z20 = "container has extra flags";
    static final String S4 = "storage extra does not match length";
    static final String S5 = "compression not supported by boot loaders";
    static final String S6 = "compressed flag on non-storage item";

    private final boolean verifyCrc;
    private final boolean strict;
    private final boolean tolerateToolCrcDefect;
    private final List<Problem> problems = new ArrayList<>();

    /** True for a listing check: BOOTFS items are decompressed only up to the end of their directory. */
    private final boolean directoriesOnly;

    private ImageChecker(boolean verifyCrc, boolean strict, boolean tolerateToolCrcDefect, boolean directoriesOnly) {
        this.verifyCrc = verifyCrc;
        this.strict = strict;
        this.tolerateToolCrcDefect = tolerateToolCrcDefect;
        this.directoriesOnly = directoriesOnly;
    }

    /**
     * Returns the problems a listing can see: every header rule, CRCs (when {@code verifyCrc}) and every BOOTFS
     * directory rule, decompressing each BOOTFS only as far as its directory and no other payload; a broken
     * compressed stream past a directory is left to {@link #check(ZbiImage, boolean, boolean)}.
     */
    public static List<Problem> checkListing(ZbiImage image, boolean verifyCrc) {
        return run(new ImageChecker(verifyCrc, false, false, true), image);
    }

    /** Returns every problem of {@code image}; CRCs are verified only when {@code verifyCrc}. */
    public static List<Problem> check(ZbiImage image, boolean verifyCrc, boolean strict) {
        return check(image, verifyCrc, strict, false);
    }

    /**
     * As {@link #check(ZbiImage, boolean, boolean)}; with {@code tolerateToolCrcDefect} a CRC mismatch that
     * matches the reference tool's empty-file defect (spec §4.9) is a warning instead of an error.
     */
    public static List<Problem> check(
            ZbiImage image, boolean verifyCrc, boolean strict, boolean tolerateToolCrcDefect) {
        return run(new ImageChecker(verifyCrc, strict, tolerateToolCrcDefect, false), image);
    }

    private static List<Problem> run(ImageChecker checker, ZbiImage image) {
        checker.checkContainer(image);
        for (ZbiItem item : image.items()) {
            checker.checkItem(item);
        }
        return List.copyOf(checker.problems);
    }

    /**
     * Opens and checks {@code file}; a container or item header error that prevents opening becomes the single
     * error problem.
     *
     * @throws IOException when the file cannot be read
     */
    public static List<Problem> check(Path file, boolean verifyCrc, boolean strict) throws IOException {
        try (ZbiImage image = ZbiImage.open(file)) {
            return check(image, verifyCrc, strict);
        } catch (ZbiFormatException e) {
            return List.of(Problem.of(e));
        }
    }

    /** As {@link #check(Path, boolean, boolean)} for an image held in memory. */
    public static List<Problem> check(ByteBuffer bytes, String name, boolean verifyCrc, boolean strict) {
        try {
            return check(ZbiImage.read(bytes, name), verifyCrc, strict);
        } catch (ZbiFormatException e) {
            return List.of(Problem.of(e));
        }
    }

    /** Returns true when any problem is an error. */
    public static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    private void checkContainer(ZbiImage image) {
        if (image.isBareBootfs()) {
            return;
        }
        ByteBuffer h = ByteBuffer.wrap(image.containerHeader()).order(ByteOrder.LITTLE_ENDIAN);
        long end = ZbiConstants.HEADER_SIZE + image.containerLength();
        if (image.size() > end) {
            warn(-1, null, end, Z10);
        }
        if (h.getInt(16) != 0 || h.getInt(20) != 0) {
            warn(-1, null, 0, Z17);
        }
        if (h.getInt(12) != ZbiConstants.FLAGS_VERSION) {
            warn(-1, null, 0, Z20);
        }
    }

    private void checkItem(ZbiItem item) {
        if (!item.isSynthetic()) {
            checkHeaderFields(item);
        }
        boolean bootfs = item.type().equals(ItemType.BOOTFS) || item.type().equals(ItemType.BOOTFS_FACTORY);
        if (item.type().isStorage()) {
            checkStorage(item);
        }
        if (!directoriesOnly && item.isCompressed()) {
            try {
                item.checkDecompression(); // S1–S3 by streaming, unless a listing decompressed the payload already
            } catch (ZbiFormatException e) {
                problems.add(Problem.of(e));
                return;
            }
        }
        if (bootfs) {
            checkBootfsDirectory(item); // F1–F21 need only the directory and the capacity
        }
    }

    private void checkBootfsDirectory(ZbiItem item) {
        try {
            addBootfsWarnings(item, Bootfs.parseDirectory(item));
        } catch (ZbiFormatException e) {
            problems.add(Problem.of(e.inItem(item.index(), item.type())));
        }
    }

    private void checkHeaderFields(ZbiItem item) {
        int index = item.index();
        if (verifyCrc && item.crcStatus() == CrcStatus.MISMATCH) {
            boolean defect = item.crcMatchesEmptyFileDefect();
            Severity severity = defect && tolerateToolCrcDefect && !strict ? Severity.WARNING : Severity.ERROR;
            problems.add(new Problem(
                    severity, index, item.type(), null, item.offset(), defect ? Z16 + Z16_DEFECT_NOTE : Z16));
        }
        if (item.reserved0() != 0 || item.reserved1() != 0) {
            warn(item, Z17);
        }
        int known = ZbiConstants.FLAGS_VERSION | ZbiConstants.FLAGS_CRC32 | ZbiConstants.FLAGS_STORAGE_COMPRESSED;
        if ((item.flags() & ~known) != 0) {
            warn(item, Z18);
        }
        if (!item.type().definesExtra() && item.extra() != 0) {
            warn(item, Z19);
        }
        if (item.hasCompressedFlagOnNonStorage()) {
            warn(item, S6);
        }
    }

    private void checkStorage(ZbiItem item) {
        if (item.isCompressed()) {
            if (item.codec().filter(c -> c != Codec.ZSTD).isPresent()) {
                warn(item, S5);
            }
        } else if (!item.isSynthetic() && item.extra() != item.length() && item.extra() != 0) {
            warn(item, S4);
        }
    }

    private void addBootfsWarnings(ZbiItem item, Bootfs bootfs) {
        for (Problem p : bootfs.warnings()) {
            problems.add(
                    p.withItem(item.index(), item.type()).withSeverity(strict ? Severity.ERROR : Severity.WARNING));
        }
    }

    private void warn(ZbiItem item, String reason) {
        problems.add(new Problem(
                strict ? Severity.ERROR : Severity.WARNING, item.index(), item.type(), null, item.offset(), reason));
    }

    private void warn(int item, String entry, long offset, String reason) {
        problems.add(new Problem(strict ? Severity.ERROR : Severity.WARNING, item, entry, offset, reason));
    }
}
