package dev.bootsplice.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The optional IMAGE of the commands that profile one image (a picocli mixin); without it, the demo image. */
final class ProfiledImage {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "IMAGE",
            description = "A ZBI or bare BOOTFS (default: the demo image).")
    Path image;
}
