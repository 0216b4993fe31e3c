package dev.bootsplice.cli;

import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ImageGenerator;
import dev.bootsplice.format.PackSummary;
import dev.bootsplice.format.UsageException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bootsplice generate}: a synthetic, product-shaped boot image; the same arguments give the same bytes. */
@Command(name = "generate", description = {
    "Write a synthetic, product-shaped boot image.",
    "A Fuchsia-like tree (bin/, lib/, driver/, blob/<hex>, config/, data/, meta/) with log-normal file "
        + "sizes, empty files and shared ranges. The same arguments always give the same bytes."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ImageOutput out;

    @Option(names = "--files", paramLabel = "N", description = "Number of BOOTFS files (default 300).")
    private int files = ImageGenerator.DEFAULT_FILES;

    @Option(names = "--size", paramLabel = "BYTES", converter = SizeConverter.class,
            description = "Uncompressed BOOTFS size: bytes or with KiB, MiB, GiB (default 8MiB).")
    private long size = ImageGenerator.DEFAULT_SIZE;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default 1).")
    private long seed = 1;

    @Option(names = "--compress", paramLabel = "zstd[:LEVEL]|lz4f[:LEVEL]|none", defaultValue = "zstd:4",
            converter = CompressionConverter.class, description = "BOOTFS compression (default ${DEFAULT-VALUE}).")
    private Compression compression;

    @Option(names = "--kernel", description = "Put a synthetic KERNEL_X64 item first (a bootable image).")
    private boolean kernel;

    @Override
    public Integer call() {
        try {
            ImageGenerator generator = ImageGenerator.builder().files(files).size(size).seed(seed)
                    .compression(compression).kernel(kernel).build();
            PackSummary s = generator.writeTo(out.output, out.force);
            spec.commandLine().getOut().println(WrittenImage.summary(out.output, s, false));
            return ExitCodes.OK;
        } catch (UsageException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (FileAlreadyExistsException e) {
            throw new CommandFailure(ExitCodes.INVALID_INPUT, out.output + ": already exists (use --force to overwrite)", e);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.INVALID_INPUT, IoMessages.describe(out.output, e), e);
        }
    }
}
