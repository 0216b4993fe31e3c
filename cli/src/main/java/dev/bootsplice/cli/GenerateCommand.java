package dev.bootsplice.cli;

import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ImageGenerator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bootsplice generate}: a synthetic, product-shaped boot image; the same arguments give the same bytes. */
@Command(
        name = "generate",
        description = {
            "Write a synthetic, product-shaped boot image.",
            "A Fuchsia-like tree (bin/, lib/, driver/, blob/<hex>, config/, data/, meta/) with log-normal file "
                    + "sizes, empty files and shared ranges. The same arguments always give the same bytes."
        })
final class GenerateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ImageOutput out;

    @Option(names = "--files", paramLabel = "N", description = "Number of BOOTFS files (default 300).")
    private int files = ImageGenerator.DEFAULT_FILES;

    @Option(
            names = "--size",
            paramLabel = "BYTES",
            converter = SizeConverter.class,
            description = "Uncompressed BOOTFS size: bytes or with KiB, MiB, GiB (default 8MiB).")
    private long size = ImageGenerator.DEFAULT_SIZE;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default 1).")
    private long seed = 1;

    @Option(
            names = "--compress",
            paramLabel = "zstd[:LEVEL]|lz4f[:LEVEL]|none",
            defaultValue = "zstd:4",
            converter = CompressionConverter.class,
            description = "BOOTFS compression (default ${DEFAULT-VALUE}).")
    private Compression compression;

    @Option(names = "--kernel", description = "Put a synthetic KERNEL_X64 item first (a bootable image).")
    private boolean kernel;

    @Override
    public Integer call() {
        return out.write(
                spec,
                false,
                (path, force) -> ImageGenerator.builder()
                        .files(files)
                        .size(size)
                        .seed(seed)
                        .compression(compression)
                        .kernel(kernel)
                        .build()
                        .writeTo(path, force),
                e -> IoMessages.describe(out.output, e));
    }
}
