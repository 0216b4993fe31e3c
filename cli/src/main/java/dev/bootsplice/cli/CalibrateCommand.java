package dev.bootsplice.cli;

import dev.bootsplice.format.AtomicFiles;
import dev.bootsplice.profile.Calibrator;
import dev.bootsplice.profile.CostModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bootsplice calibrate}: measures this machine's page costs with the model and writes a cost model. */
@Command(name = "calibrate", description = {
    "Measure this machine's page costs and write a cost model.",
    "Times page zero, copy and move, a lookup hop and a VMO create with the model itself and writes a "
        + "cost-model JSON that `profile --cost-model=FILE` accepts. Takes a few seconds."})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the model (default: stdout).")
    private Path output;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    private boolean force;

    @Override
    public Integer call() {
        CostModel model = Calibrator.calibrate();
        String json = model.toJson();
        if (output == null) {
            spec.commandLine().getOut().println(json);
            return ExitCodes.OK;
        }
        try {
            AtomicFiles.write(output, force, out -> out.write((json + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (FileAlreadyExistsException e) {
            throw new CommandFailure(ExitCodes.INVALID_INPUT, output + ": " + IoMessages.ALREADY_EXISTS, e);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.INVALID_INPUT, IoMessages.describe(output, e), e);
        }
        spec.commandLine().getOut().println("wrote " + output + ": cost model \"" + model.name() + "\"");
        return ExitCodes.OK;
    }
}
