package dev.bootsplice.cli;

import dev.bootsplice.profile.Calibrator;
import dev.bootsplice.profile.CostModel;
import dev.bootsplice.profile.ProfileOptions;
import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.profile.Repetitions;
import dev.bootsplice.report.Rfc0223;
import dev.bootsplice.splice.Strategy;
import dev.bootsplice.splice.Trace;
import dev.bootsplice.splice.TraceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bootsplice rfc0223}: RFC-0223's performance claims beside the profiler's figures, per cost model. */
@Command(
        name = "rfc0223",
        description = {
            "Set RFC-0223's performance claims beside the profiler's figures.",
            "Profiles IMAGE (default: the demo image) once with clone, copy and transfer and prices the same counts "
                    + "under each cost model: the defaults, this host's model speed (calibrate, a few seconds; "
                    + "--no-host-model skips it), every --cost-model file and a device model fitted to --from files. "
                    + "Prints each claim, each model's figure and whether it agrees, and why where it does not."
        })
final class Rfc0223Command implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProfiledImage image = new ProfiledImage();

    @Option(
            names = "--trace",
            paramLabel = "all|exec|FILE",
            defaultValue = "all",
            description = "Page reads to replay (default ${DEFAULT-VALUE}).")
    private String trace;

    @Option(names = "--cost-model", paramLabel = "FILE", description = "A cost-model file to add (repeatable).")
    private List<Path> costModels = new ArrayList<>();

    @Option(
            names = "--from",
            paramLabel = "FILE.fuchsiaperf.json",
            description = "A device's microbenchmark results: adds the model `calibrate --from` fits (repeatable).")
    private List<Path> from = new ArrayList<>();

    @Option(names = "--no-host-model", description = "Skip the host-model calibration.")
    private boolean noHostModel;

    @Override
    public Integer call() {
        List<CostModel> models = new ArrayList<>(List.of(CostModel.defaults()));
        if (!noHostModel) {
            models.add(Calibrator.calibrate());
        }
        for (Path file : costModels) {
            models.add(load(file));
        }
        if (!from.isEmpty()) {
            models.add(CalibrateCommand.fitDevice(from).model());
        }
        PrintWriter out = spec.commandLine().getOut();
        Rfc0223.of(profile(), models).write(out);
        out.flush();
        return ExitCodes.OK;
    }

    private static CostModel load(Path file) {
        try {
            return CostModel.load(file);
        } catch (FileSystemException e) {
            throw CommandFailure.unreadable(file, e);
        } catch (IOException e) {
            throw CommandFailure.invalidInput(file + ": " + e.getMessage());
        }
    }

    private ProfileReport profile() {
        ProfileOptions options;
        try {
            options = ProfileOptions.defaults()
                    .withStrategies(List.of(Strategy.CLONE, Strategy.COPY, Strategy.TRANSFER))
                    .withTrace(Trace.of(trace))
                    .withRepetitions(new Repetitions(0, 1));
        } catch (TraceException e) {
            throw CommandFailure.invalidInput(e.getMessage());
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.INVALID_INPUT, IoMessages.describe(e), e);
        }
        return ImageProfiles.profile(image.image, options, spec.commandLine().getErr(), false);
    }
}
