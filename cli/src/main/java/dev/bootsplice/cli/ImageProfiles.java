package dev.bootsplice.cli;

import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.profile.DemoImage;
import dev.bootsplice.profile.ProfileOptions;
import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.profile.Profiler;
import dev.bootsplice.profile.Repetitions;
import dev.bootsplice.splice.SpliceException;
import dev.bootsplice.splice.TraceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Profiles one image file (or the demo image) for a command, with the overall progress bar and exit-3 failures. */
final class ImageProfiles {
    /** Work done on the open image before it is profiled (e.g. size budgets). */
    interface WhileOpen {
        void accept(ZbiImage image, String path) throws ZbiFormatException;
    }

    private ImageProfiles() {}

    /** Profiles {@code image}; see {@link #profile(Path, ProfileOptions, PrintWriter, boolean, WhileOpen)}. */
    static ProfileReport profile(Path image, ProfileOptions options, PrintWriter err, boolean progress) {
        return profile(image, options, err, progress, (zbi, path) -> {});
    }

    /**
     * Profiles {@code image} (null: the demo image) with {@code options}, drawing the bar on {@code err}
     * when {@code progress}, after running {@code whileOpen} on the open image.
     *
     * @throws CommandFailure (exit 3) for a broken image, a splice refusal or a bad trace
     */
    static ProfileReport profile(
            Path image, ProfileOptions options, PrintWriter err, boolean progress, WhileOpen whileOpen) {
        String path = image == null ? DemoImage.NAME : image.toString();
        try (ProfileProgress bar = new ProfileProgress(err, options.strategies().size(), progress, System::nanoTime)) {
            ZbiImage zbi = image == null ? DemoImage.open() : ImageFiles.open(image);
            try {
                zbi.firstBootfs()
                        .ifPresent(item ->
                                ImageFiles.warnOnCrcMismatch(Path.of(path), item, "profiling the data anyway", err));
                whileOpen.accept(zbi, path);
                bar.expectRuns(options.strategies().size() * rounds(options.repetitions(), zbi));
                return Profiler.profile(zbi, options.withProgress(bar).withImagePath(path));
            } finally {
                ImageFiles.closeQuietly(zbi);
            }
        } catch (ZbiFormatException e) {
            throw CommandFailure.invalidInput(Path.of(path), e);
        } catch (SpliceException e) {
            throw CommandFailure.cannotSplice(path, e);
        } catch (TraceException e) {
            throw CommandFailure.invalidInput(e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("the built-in demo image could not be made", e);
        }
    }

    /** Every round the profiler will run (warm-up included), decided as it decides it: by the BOOTFS size. */
    private static int rounds(Repetitions asked, ZbiImage zbi) {
        long pages = zbi.firstBootfs()
                .map(item -> (item.uncompressedSize() + 4095) / 4096)
                .orElse(1L);
        Repetitions used = asked.resolve(pages);
        return used.warmUpRounds() + used.rounds();
    }
}
