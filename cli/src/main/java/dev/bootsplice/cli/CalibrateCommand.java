package dev.bootsplice.cli;

import dev.bootsplice.format.AtomicFiles;
import dev.bootsplice.profile.Calibrator;
import dev.bootsplice.profile.CostModel;
import dev.bootsplice.profile.DeviceCalibration;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bootsplice calibrate}: a cost model from a device's Fuchsia microbenchmark results
 * ({@code --from}), or the host's speed at running the model ({@code host-model}).
 */
@Command(
        name = "calibrate",
        description = {
            "Write a cost model: a device's, fitted to its microbenchmarks, or this host's model speed.",
            "With --from, fits per-call and per-page costs to the fuchsiaperf results of Fuchsia's VMO "
                    + "microbenchmarks (src/tests/microbenchmarks/vmo.cc) by least squares over their sizes, prints which "
                    + "labels fed which cost key, each fit's residual and which keys kept their default, and writes a model "
                    + "named \"device\". Without --from, times the Java model itself on this host and writes a model named "
                    + "\"host-model\": the speed of this model, not of any kernel. `profile --cost-model=FILE` accepts both."
        })
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(
            names = "--from",
            paramLabel = "FILE.fuchsiaperf.json",
            description = "A device's microbenchmark results (repeatable: their entries are fitted together).")
    private List<Path> from = new ArrayList<>();

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Where to write the model (default: stdout).")
    private Path output;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    private boolean force;

    @Override
    public Integer call() {
        CostModel model;
        PrintWriter notes = output == null
                ? spec.commandLine().getErr()
                : spec.commandLine().getOut();
        if (from.isEmpty()) {
            model = Calibrator.calibrate();
            notes.println("calibrate: " + model.name() + ": " + model.source());
        } else {
            DeviceCalibration fit = fitDevice(from);
            fit.explanation().forEach(line -> notes.println("calibrate: " + line));
            model = fit.model();
        }
        notes.flush();
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

    /** The device model fitted to {@code from}; an unreadable or malformed file ends the command (exit 3). */
    static DeviceCalibration fitDevice(List<Path> from) {
        try {
            return DeviceCalibration.fit(from);
        } catch (FileSystemException e) {
            Path file = e.getFile() == null ? from.get(0) : Path.of(e.getFile());
            throw CommandFailure.unreadable(file, e);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.INVALID_INPUT, e.getMessage(), e);
        }
    }
}
