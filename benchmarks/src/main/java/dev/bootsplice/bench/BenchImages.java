package dev.bootsplice.bench;

import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ImageGenerator;
import dev.bootsplice.format.ItemType;
import dev.bootsplice.format.UsageException;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import dev.bootsplice.format.ZbiWriter;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The images the benchmarks read: the corpus's {@code core-x64.zbi} (or a generated stand-in of its shape)
 * and generated or re-encoded images, written once into {@link BenchPaths#cache()} under a name made of
 * every argument that shapes their bytes, and reused by later runs.
 */
final class BenchImages {
    /** The corpus's product-sized image, relative to the corpus folder. */
    static final String CORE_X64 = "realistic/core-x64.zbi";
    /** core-x64's BOOTFS: 2,384 files, 56.5 MiB uncompressed; the stand-in copies that shape. */
    static final int PRODUCT_FILES = 2384;

    static final long PRODUCT_BYTES = 113L << 19;
    /** Files per MiB of a generated splice image: core-x64 has about 42. */
    static final int FILES_PER_MIB = 42;
    /** Fixed generator seed: every run benchmarks the same bytes. */
    static final long SEED = 1;

    private BenchImages() {}

    /** Returns core-x64 from the corpus, else a generated zstd image of the same size and file count. */
    static Path product() throws IOException, UsageException {
        Path corpusImage = BenchPaths.corpus()
                .map(c -> c.resolve(CORE_X64))
                .filter(Files::isRegularFile)
                .orElse(null);
        if (corpusImage != null) {
            return corpusImage;
        }
        return generated(PRODUCT_BYTES, PRODUCT_FILES, Compression.DEFAULT);
    }

    /** Returns {@link #product()} with its BOOTFS stored under {@code compression}, other items as they are. */
    static Path product(Compression compression) throws IOException, UsageException, ZbiFormatException {
        Path source = product();
        if (compression.equals(Compression.DEFAULT)) {
            return source;
        }
        String base = source.getFileName().toString().replaceFirst("\\.zbi$", "");
        Path out = BenchPaths.cache().resolve(base + "-" + Files.size(source) + "-" + key(compression) + ".zbi");
        if (!Files.exists(out)) {
            recompress(source, compression, out);
        }
        return out;
    }

    /** Returns a bootable uncompressed image of {@code sizeMiB} MiB BOOTFS, as the splice benchmarks load. */
    static Path spliceImage(int sizeMiB) throws IOException, UsageException {
        return generated((long) sizeMiB << 20, Math.max(1, sizeMiB * FILES_PER_MIB), Compression.NONE);
    }

    /** Returns a generated bootable image (synthetic kernel first), writing it on first use. */
    static Path generated(long bootfsBytes, int files, Compression compression) throws IOException, UsageException {
        Path out = BenchPaths.cache()
                .resolve(String.format(
                        Locale.ROOT,
                        "generated-%d-bytes-%d-files-seed-%d-%s.zbi",
                        bootfsBytes,
                        files,
                        SEED,
                        key(compression)));
        if (Files.exists(out)) {
            return out;
        }
        Files.createDirectories(out.getParent());
        long start = System.nanoTime();
        try {
            ImageGenerator.builder()
                    .files(files)
                    .size(bootfsBytes)
                    .seed(SEED)
                    .compression(compression)
                    .kernel(true)
                    .build()
                    .writeTo(out);
        } catch (FileAlreadyExistsException raced) {
            return out;
        }
        log("generated " + out + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return out;
    }

    /** Writes {@code source} to {@code out} with its first BOOTFS re-encoded under {@code compression}. */
    private static void recompress(Path source, Compression compression, Path out)
            throws IOException, UsageException, ZbiFormatException {
        Files.createDirectories(out.getParent());
        long start = System.nanoTime();
        try (ZbiImage image = ZbiImage.open(source)) {
            ZbiItem bootfs = image.firstBootfs()
                    .orElseThrow(() -> new IllegalStateException(source + " has no BOOTFS item to re-encode"));
            ZbiWriter writer = new ZbiWriter();
            for (ZbiItem item : image.items()) {
                if (item == bootfs) {
                    writer.addStorageItem(ItemType.BOOTFS, item.payload(), compression);
                } else {
                    writer.copyItem(item);
                }
            }
            writer.writeTo(out, false);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        log("re-encoded " + source.getFileName() + " as " + compression + " into " + out + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /** Returns the file-name form of a compression: {@code none}, {@code zstd-4}, {@code lz4f-4}. */
    private static String key(Compression compression) {
        return compression.toString().replace(':', '-');
    }

    /** Prints a line to the benchmark's log (JMH shows a fork's output). */
    static void log(String line) {
        System.out.println("# bootsplice-bench: " + line);
    }
}
