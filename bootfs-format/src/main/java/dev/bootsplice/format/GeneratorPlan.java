package dev.bootsplice.format;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The file list of a generated image, decided by a fixed PRNG from (files, size, seed): product-shaped
 * names, log-normal sizes scaled so the uncompressed BOOTFS is {@code pageAlign(size)} when that is
 * reachable, about 2% empty files and 3% copies of an earlier file's content (shared ranges).
 */
final class GeneratorPlan {
    /** One planned file; files with equal {@code contentId} hold equal bytes. */
    record File(String name, long size, int contentId, boolean text) {}

    /** A top-level folder of the product tree with its share of files and size distribution. */
    private record Category(String folder, int weight, double medianBytes, double sigma, boolean text) {}

    private static final Category[] CATEGORIES = {
        new Category("bin", 12, 60_000, 1.2, false), new Category("lib", 14, 150_000, 1.3, false),
        new Category("driver", 10, 80_000, 1.0, false), new Category("blob", 24, 100_000, 1.6, false),
        new Category("config", 8, 800, 1.0, true), new Category("data", 12, 20_000, 1.8, false),
        new Category("meta", 6, 2_000, 0.8, true), new Category("pkg/base/data", 14, 8_000, 1.5, false)
    };
    private static final String[] WORDS = {
        "netstack",
        "devmgr",
        "svchost",
        "console",
        "audio",
        "display",
        "input",
        "usb",
        "block",
        "fshost",
        "pkgfs",
        "archivist",
        "timekeeper",
        "sysmem",
        "power",
        "wlan",
        "bluetooth",
        "scheduler",
        "tracing",
        "crash",
        "cobalt",
        "ui",
        "fonts",
        "locale",
        "ssl",
        "zlib"
    };
    /** Per cent of files that are empty. */
    private static final int EMPTY_PERCENT = 2;
    /** Per cent of files that repeat an earlier file's content. */
    private static final int SHARED_PERCENT = 3;
    /** Largest generated file; keeps every size a uint32 with room for page alignment. */
    private static final long MAX_FILE = 0xffff_0000L;

    private GeneratorPlan() {}

    /** Returns the planned files in generation order. */
    static List<File> plan(int files, long size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<File> planned = new ArrayList<>(files);
        List<Double> raw = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            Category c = pick(random);
            String name = name(c, i, random);
            double rawSize = c.medianBytes() * Math.exp(c.sigma() * gaussian(random));
            int roll = random.nextInt(100);
            boolean empty = roll < EMPTY_PERCENT || (files >= 20 && i == files / 2);
            boolean shared =
                    !empty && i > 0 && (roll < EMPTY_PERCENT + SHARED_PERCENT || (files >= 20 && i == files - 1));
            if (empty) {
                planned.add(new File(name, 0, i, c.text()));
                raw.add(0.0);
            } else if (shared) {
                int from = earlierNonEmpty(planned, random);
                planned.add(
                        from < 0
                                ? new File(name, 1, i, c.text())
                                : new File(
                                        name,
                                        1,
                                        planned.get(from).contentId(),
                                        planned.get(from).text()));
                raw.add(from < 0 ? rawSize : -1.0 - from);
            } else {
                planned.add(new File(name, 1, i, c.text()));
                raw.add(rawSize);
            }
        }
        return SizeFitter.fit(planned, raw, size, MAX_FILE);
    }

    private static Category pick(SplittableRandom random) {
        int total = 0;
        for (Category c : CATEGORIES) {
            total += c.weight();
        }
        int roll = random.nextInt(total);
        for (Category c : CATEGORIES) {
            roll -= c.weight();
            if (roll < 0) {
                return c;
            }
        }
        throw new IllegalStateException("weights cover every roll");
    }

    private static String name(Category c, int index, SplittableRandom random) {
        String word = WORDS[random.nextInt(WORDS.length)];
        String id = Integer.toString(index, 36);
        return switch (c.folder()) {
            case "blob" -> "blob/" + blobName(random);
            case "lib" -> "lib/lib" + word + "-" + id + ".so";
            case "driver" -> "driver/" + word + "-" + id + ".so";
            case "config" -> "config/" + word + "/" + word + "-" + id + ".json";
            case "data" -> "data/" + word + "/" + word + "-" + id + ".dat";
            case "meta" -> "meta/" + word + "-" + id + ".cm";
            case "pkg/base/data" -> "pkg/base/data/" + word + "/" + word + "-" + id;
            default -> c.folder() + "/" + word + "-" + id;
        };
    }

    /** Returns 64 hex digits, like a content-addressed blob's Merkle root. */
    private static String blobName(SplittableRandom random) {
        byte[] digest = new byte[32];
        for (int i = 0; i < digest.length; i += 8) {
            long v = random.nextLong();
            for (int k = 0; k < 8; k++) {
                digest[i + k] = (byte) (v >>> (8 * k));
            }
        }
        return HexFormat.of().formatHex(digest);
    }

    /** Returns a standard normal sample by Box–Muller (stable across JDK versions, unlike nextGaussian). */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static int earlierNonEmpty(List<File> planned, SplittableRandom random) {
        for (int tries = 0; tries < 8; tries++) {
            int from = random.nextInt(planned.size());
            if (planned.get(from).size() > 0 && planned.get(from).contentId() == from) {
                return from;
            }
        }
        return -1;
    }
}
