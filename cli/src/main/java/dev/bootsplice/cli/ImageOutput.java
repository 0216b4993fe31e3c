package dev.bootsplice.cli;

import dev.bootsplice.format.PackSummary;
import dev.bootsplice.format.UsageException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The {@code -o OUT} and {@code --force} pair of the commands that write one image (a picocli mixin). */
final class ImageOutput {
    @Option(
            names = {"-o", "--output"},
            paramLabel = "OUT",
            required = true,
            description = "The image to write.")
    Path output;

    @Option(names = "--force", description = "Replace OUT if it exists.")
    boolean force;

    /** Writes one image to OUT. */
    interface ImageWrite {
        PackSummary to(Path out, boolean force) throws UsageException, IOException;
    }

    /**
     * Runs {@code write}, prints its one-line summary and returns exit 0; a usage problem becomes exit 2, an
     * existing OUT without {@code --force} or an I/O failure (worded by {@code reason}) exit 3.
     */
    int write(CommandSpec spec, boolean bootfsOnly, ImageWrite write, Function<IOException, String> reason) {
        return write(
                spec.commandLine().getOut(),
                message -> new ParameterException(spec.commandLine(), message),
                bootfsOnly,
                write,
                reason);
    }

    /** As {@link #write(CommandSpec, boolean, ImageWrite, Function)}, printing to {@code out}; usage problems via {@code usage}. */
    int write(
            java.io.PrintWriter out,
            Function<String, RuntimeException> usage,
            boolean bootfsOnly,
            ImageWrite write,
            Function<IOException, String> reason) {
        try {
            PackSummary s = write.to(output, force);
            out.println(WrittenImage.summary(output, s, bootfsOnly));
            return ExitCodes.OK;
        } catch (UsageException e) {
            throw usage.apply(IoMessages.usage(e));
        } catch (FileAlreadyExistsException e) {
            throw new CommandFailure(ExitCodes.INVALID_INPUT, output + ": " + IoMessages.ALREADY_EXISTS, e);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.INVALID_INPUT, reason.apply(e), e);
        }
    }
}
