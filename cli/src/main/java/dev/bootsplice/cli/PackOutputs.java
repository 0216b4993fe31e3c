package dev.bootsplice.cli;

import dev.bootsplice.cli.zbi.Depfile;
import dev.bootsplice.cli.zbi.ZbiJson;
import dev.bootsplice.format.ImagePacker;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import java.io.IOException;
import java.nio.file.Path;

/** The side outputs of {@code pack}: a Makefile depfile and the zbi tool's JSON description of the image. */
final class PackOutputs {
    private PackOutputs() {}

    /**
     * Writes the depfile and JSON asked for (each may be null) after {@code packer} wrote {@code image}.
     *
     * @throws CommandFailure (exit 3) when one cannot be written
     */
    static void write(Path image, Path depfile, Path json, ImagePacker packer) {
        try {
            if (depfile != null) {
                Depfile.write(depfile, image.toString(), packer.filesRead());
            }
            if (json != null) {
                try (ZbiImage written = ZbiImage.open(image)) {
                    ZbiJson.write(json, written);
                }
            }
        } catch (ZbiFormatException e) {
            throw CommandFailure.invalidInput(image, e);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.INVALID_INPUT, IoMessages.describe(e), e);
        }
    }
}
