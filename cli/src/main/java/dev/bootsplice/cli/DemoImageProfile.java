package dev.bootsplice.cli;

import dev.bootsplice.format.ImageGenerator;
import dev.bootsplice.format.UsageException;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.profile.ProfileOptions;
import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.profile.Profiler;
import dev.bootsplice.splice.SpliceException;
import dev.bootsplice.splice.TraceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Profiles the built-in demo image: the generator's default image with a kernel (300 files, 8 MiB BOOTFS,
 * seed 1), made in memory. The splicer's contract names a {@code DemoImage}; until it exists the CLI asks
 * the format library's generator for the same kind of image.
 */
final class DemoImageProfile {
    static final String NAME = "demo";

    private DemoImageProfile() {
    }

    static ProfileReport run(ProfileOptions options) throws ZbiFormatException, SpliceException, TraceException {
        byte[] bytes;
        try {
            bytes = ImageGenerator.builder().kernel(true).build().toBytes();
        } catch (UsageException e) {
            throw new IllegalStateException("the demo image's fixed arguments were refused", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ZbiImage image = ZbiImage.read(ByteBuffer.wrap(bytes), NAME);
        return Profiler.profile(image, options.withImagePath(NAME));
    }
}
