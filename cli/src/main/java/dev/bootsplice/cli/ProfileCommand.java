package dev.bootsplice.cli;

import dev.bootsplice.profile.CostModel;
import dev.bootsplice.profile.ProfileOptions;
import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.profile.Repetitions;
import dev.bootsplice.report.Budget;
import dev.bootsplice.report.MetricTable;
import dev.bootsplice.report.ReportComparison;
import dev.bootsplice.report.ReportContext;
import dev.bootsplice.report.ReportFormat;
import dev.bootsplice.report.Reports;
import dev.bootsplice.report.SizeBudgetResult;
import dev.bootsplice.splice.KernelEra;
import dev.bootsplice.splice.Strategy;
import dev.bootsplice.splice.Trace;
import dev.bootsplice.splice.TraceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bootsplice profile}: the boot scenario once per strategy, lookup depth and boot cost side by side. */
@Command(
        name = "profile",
        description = {
            "Compare splice strategies' lookup depth and boot cost.",
            "Runs the boot scenario once per strategy, each on a fresh model, and reports page-lookup depth and "
                    + "boot-time cost side by side; measured times are the median of interleaved runs after a warm-up. "
                    + "Without IMAGE a built-in demo image is profiled. Each --format goes "
                    + "to the matching -o (in order), or to stdout when no -o is left. Exit 4 when a --fail-on budget "
                    + "holds or a metric regressed beyond --max-regression."
        })
final class ProfileCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProfiledImage image = new ProfiledImage();

    @Option(
            names = "--strategies",
            split = ",",
            paramLabel = "S,...",
            converter = StrategyConverter.class,
            completionCandidates = Completions.Strategies.class,
            description = "Strategies in report order (default clone,copy,transfer); the first is the baseline.")
    private List<Strategy> strategies = new ArrayList<>(ProfileOptions.DEFAULT_STRATEGIES);

    @Option(
            names = "--kernel",
            split = ",",
            paramLabel = "K,...",
            converter = KernelConverter.class,
            description = "Kernels to run every strategy on: 2023 (RFC_0223 + LEGACY_CHAIN), 2024 (ZIRCON_2024 + "
                    + "SHARE_COUNT, shipped), 2025 (ZIRCON_2024 + PARENT_CONTENT); default 2023. With several, each "
                    + "strategy gets one column per kernel, named STRATEGY@KERNEL.")
    private List<KernelEra> kernels = new ArrayList<>(ProfileOptions.DEFAULT_KERNELS);

    @Option(
            names = "--trace",
            paramLabel = "all|exec|FILE",
            defaultValue = "all",
            description =
                    "Page reads to replay: every page, executables only, or a trace file (default ${DEFAULT-VALUE}).")
    private String trace;

    @Option(
            names = "--cost-model",
            paramLabel = "default|FILE",
            defaultValue = "default",
            description = "Nanoseconds per operation: the defaults or a `calibrate` output.")
    private String costModel;

    @Option(
            names = "--format",
            paramLabel = "text|json|markdown|html|junit|fuchsiaperf",
            converter = ReportFormatConverter.class,
            completionCandidates = Completions.ReportFormats.class,
            description = "A report format (repeatable; default text).")
    private List<ReportFormat> formats = new ArrayList<>();

    @Mixin
    private ReportFiles reports = new ReportFiles();

    @Option(names = "--baseline", paramLabel = "FILE", description = "An earlier JSON report to compare with.")
    private Path baseline;

    @Option(
            names = "--max-regression",
            paramLabel = "PCT",
            description =
                    "With --baseline: exit 4 if bootCost, lookup.hops.total or setup.modeledNs grew by more than PCT%%.")
    private Double maxRegression;

    @Option(
            names = "--fail-on",
            paramLabel = "EXPR",
            converter = FailOn.ProfileConverter.class,
            description = {
                "A budget (repeatable); exit 4 when it holds: a metric such as transfer.lookup.hops.max>0, "
                        + "transfer.bootCost.modeledNs/file>80000 or transfer.bootCost.modeledNs>=0.9*clone.bootCost.modeledNs, "
                        + "or a size such as size[bin/**]>8MiB or size[*].compressed>32MiB."
            })
    private List<FailOn<Budget>> budgets = new ArrayList<>();

    @Mixin
    private ProgressOptions progress = new ProgressOptions();

    /** The size budgets evaluated on the image while it is open. */
    private List<SizeBudgetResult> sizeResults = List.of();

    @Option(
            names = "--gate-measured",
            paramLabel = "PCT",
            description = "With --baseline: also exit 4 when a measured median grew by more than PCT%% and lies above "
                    + "the baseline's slowest run (measured times are noisy and not checked otherwise).")
    private Double gateMeasured;

    @Option(
            names = "--regression-per",
            paramLabel = "none|file|MiB",
            defaultValue = "none",
            description = "Compare with --baseline per BOOTFS file or per MiB of BOOTFS (default ${DEFAULT-VALUE}).")
    private String regressionPer;

    @Option(
            names = "--runs",
            paramLabel = "N",
            description = "Measured runs per strategy, interleaved (default: 1-5 by image size; the report says).")
    private Integer runs;

    @Option(
            names = "--warm-up",
            paramLabel = "N",
            description = "Warm-up rounds over all strategies before the measured ones (default: 1 when runs > 1).")
    private Integer warmUp;

    @Override
    public Integer call() {
        List<ReportOutputs.Target> targets = reports.targets(spec, formats);
        if ((maxRegression != null || gateMeasured != null) && baseline == null) {
            throw new ParameterException(spec.commandLine(), "--max-regression and --gate-measured need --baseline");
        }
        ReportOutputs.checkWritable(targets, reports.force);
        ProfileReport old = baseline == null ? null : readReport(baseline);
        ProfileReport report = profile(options());
        ReportContext context = context(report, old);
        for (ReportOutputs.Target t : targets) {
            write(report, context, t);
        }
        CiEnvironment.appendStepSummary(
                () -> ReportFiles.text(w -> Reports.write(report, ReportFormat.MARKDOWN, context, w)));
        CiEnvironment.reportFailures(context.checks(), spec.commandLine().getErr());
        return context.failed() ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    private ProfileOptions options() {
        try {
            StrategyConverter.requireDistinct(spec, strategies);
            if (kernels.stream().distinct().count() != kernels.size()) {
                throw new ParameterException(spec.commandLine(), "--kernel names a kernel twice");
            }
            CostModel model = costModel.equals("default") ? CostModel.defaults() : CostModel.load(Path.of(costModel));
            return ProfileOptions.defaults()
                    .withStrategies(strategies)
                    .withKernels(kernels)
                    .withTrace(Trace.of(trace))
                    .withCostModel(model)
                    .withRepetitions(repetitions());
        } catch (TraceException e) {
            throw CommandFailure.invalidInput(e.getMessage());
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.INVALID_INPUT, IoMessages.describe(e), e);
        }
    }

    private Repetitions repetitions() {
        if (runs == null && warmUp == null) {
            return Repetitions.AUTO;
        }
        int n = runs == null ? 1 : runs;
        try {
            return new Repetitions(warmUp == null ? (n > 1 ? 1 : 0) : warmUp, n);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--runs/--warm-up: " + e.getMessage());
        }
    }

    private ProfileReport profile(ProfileOptions options) {
        return ImageProfiles.profile(
                image.image,
                options,
                spec.commandLine().getErr(),
                progress.enabled(),
                (zbi, path) -> sizeResults = SizeBudgets.evaluate(FailOn.sizes(budgets), zbi, path));
    }

    private ReportContext context(ProfileReport report, ProfileReport old) {
        try {
            return ReportContext.judged(
                            report,
                            old,
                            new ReportComparison.Rule(
                                    maxRegression, gateMeasured, true, MetricTable.Per.parse(regressionPer)),
                            FailOn.others(budgets))
                    .withSizeBudgets(sizeResults);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void write(ProfileReport report, ReportContext context, ReportOutputs.Target t) {
        reports.write(t, spec.commandLine().getOut(), w -> {
            Reports.write(report, t.format(), context, w);
            if (t.file() == null && t.format() == ReportFormat.JSON) {
                w.write(System.lineSeparator());
            }
        });
    }

    static ProfileReport readReport(Path file) {
        try {
            return ProfileReport.read(file);
        } catch (IOException e) {
            throw CommandFailure.unreadable(file, e);
        }
    }
}
