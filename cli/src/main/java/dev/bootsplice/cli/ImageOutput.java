package dev.bootsplice.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code -o OUT} and {@code --force} pair of the commands that write one image (a picocli mixin). */
final class ImageOutput {
    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "The image to write.")
    Path output;

    @Option(names = "--force", description = "Replace OUT if it exists.")
    boolean force;
}
