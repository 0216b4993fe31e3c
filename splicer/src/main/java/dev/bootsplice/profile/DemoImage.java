package dev.bootsplice.profile;

import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ImageGenerator;
import dev.bootsplice.format.UsageException;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The image `profile` runs without an IMAGE: product-shaped (a kernel item and a zstd BOOTFS of
 * {@link #FILES} files in `bin/`, `lib/`, `driver/`, `blob/`, ...), made by the project's own
 * {@link ImageGenerator} with fixed arguments, so its bytes are the same on every run; generated
 * once per JVM and kept in memory.
 */
public final class DemoImage {
    /** Files in the demo BOOTFS: the order of a small product's 2–3 thousand. */
    public static final int FILES = 2500;
    /** Bytes of file data, about 32 MiB: product-shaped yet generated in about a second. */
    public static final long SIZE = 32L << 20;
    /** The generator seed; changing it changes every demo report. */
    public static final long SEED = 0xB0075911CEL;
    /** The name reports print for the demo image. */
    public static final String NAME = "demo";

    private static byte[] bytes;

    private DemoImage() {}

    /**
     * The demo image's bytes (generated on first use, then cached; callers must not change them).
     *
     * @throws IOException if the generator fails
     */
    public static synchronized byte[] bytes() throws IOException {
        if (bytes == null) {
            bytes = generate();
        }
        return bytes;
    }

    /** Generates the demo image's bytes afresh (no cache). */
    static byte[] generate() throws IOException {
        try {
            return ImageGenerator.builder()
                    .files(FILES)
                    .size(SIZE)
                    .seed(SEED)
                    .compression(Compression.DEFAULT)
                    .kernel(true)
                    .build()
                    .toBytes();
        } catch (UsageException e) {
            throw new IOException("generating the demo image failed: " + e.getMessage(), e);
        }
    }

    /**
     * The demo image, parsed, named {@link #NAME}.
     *
     * @throws IOException if the generator fails
     * @throws ZbiFormatException if the generator wrote a broken image (a bug)
     */
    public static ZbiImage open() throws IOException, ZbiFormatException {
        return ZbiImage.read(ByteBuffer.wrap(bytes()).order(ByteOrder.LITTLE_ENDIAN), NAME);
    }
}
