package dev.bootsplice.cli;

import dev.bootsplice.diff.DiffBudget;
import dev.bootsplice.diff.DiffReports;
import dev.bootsplice.diff.ImageDiff;
import dev.bootsplice.diff.ImageInventory;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.profile.ProfileOptions;
import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.report.Check;
import dev.bootsplice.report.ReportFormat;
import dev.bootsplice.splice.Strategy;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bootsplice diff}: what changed between two images, in files, bytes, items and (optionally) boot cost. */
@Command(
        name = "diff",
        description = {
            "Compare two images: files, sizes, items, boot cost.",
            "Lists BOOTFS files added, removed, changed (by content) and renamed (same content, new name), bytes per "
                    + "directory prefix, BOOTFS, compressed and whole-image size changes and items added or removed; "
                    + "--profile adds each strategy's boot-cost change. Exit 4 when a --fail-on budget holds."
        })
final class DiffCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier image (ZBI or bare BOOTFS).")
    private Path oldImage;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later image.")
    private Path newImage;

    @Option(
            names = "--depth",
            paramLabel = "N",
            defaultValue = "1",
            description = "Directory components of the per-prefix sums (default ${DEFAULT-VALUE}: bin, lib, ...).")
    private int depth;

    @Option(names = "--profile", description = "Also profile both images and show each strategy's boot-cost change.")
    private boolean profile;

    @Option(
            names = "--strategies",
            split = ",",
            paramLabel = "S,...",
            converter = StrategyConverter.class,
            completionCandidates = Completions.Strategies.class,
            description = "With --profile: the strategies (default clone,copy,transfer).")
    private List<Strategy> strategies = new ArrayList<>(ProfileOptions.DEFAULT_STRATEGIES);

    @Option(
            names = "--format",
            paramLabel = "text|json|markdown",
            converter = ReportFormatConverter.class,
            completionCandidates = Completions.DiffFormats.class,
            description = "An output format (repeatable; default text).")
    private List<ReportFormat> formats = new ArrayList<>();

    @Mixin
    private ReportFiles reports = new ReportFiles();

    @Option(
            names = "--fail-on",
            paramLabel = "EXPR",
            converter = FailOn.DiffConverter.class,
            description = {
                "A budget (repeatable); exit 4 when it holds: a diff metric such as bootfs.bytes.delta>1MiB, "
                        + "files.added>10, prefix[bin].bytes.delta>256KiB, copy.bootCost.modeledNs.deltaPct>5 (with --profile), "
                        + "or a size budget on NEW such as size[bin/**]>8MiB."
            })
    private List<FailOn<DiffBudget>> budgets = new ArrayList<>();

    @Mixin
    private ProgressOptions progress = new ProgressOptions();

    @Override
    public Integer call() {
        List<ReportOutputs.Target> targets = targets();
        if (depth < 1) {
            throw new ParameterException(spec.commandLine(), "--depth must be at least 1, was " + depth);
        }
        ImageInventory before = inventory(oldImage, false);
        ImageInventory after = inventory(newImage, !FailOn.sizes(budgets).isEmpty());
        ImageDiff files = ImageDiff.between(before, after, depth);
        ImageDiff diff = profile ? files.withProfiles(profile(oldImage), profile(newImage)) : files;
        List<Check> checks = checks(diff, after);
        for (ReportOutputs.Target t : targets) {
            reports.write(t, spec.commandLine().getOut(), w -> DiffReports.write(diff, checks, t.format(), w));
        }
        CiEnvironment.appendStepSummary(
                () -> ReportFiles.text(w -> DiffReports.write(diff, checks, ReportFormat.MARKDOWN, w)));
        CiEnvironment.reportFailures(checks, spec.commandLine().getErr());
        return checks.stream().anyMatch(Check::failed) ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    private List<ReportOutputs.Target> targets() {
        List<ReportOutputs.Target> targets = reports.targets(spec, formats);
        for (ReportOutputs.Target t : targets) {
            if (t.format() == ReportFormat.HTML || t.format() == ReportFormat.JUNIT) {
                throw new ParameterException(
                        spec.commandLine(),
                        "diff writes text, json or markdown, not " + t.format().cliName());
            }
        }
        return targets;
    }

    private static ImageInventory inventory(Path file, boolean keepContent) {
        try (ZbiImage image = ImageFiles.open(file)) {
            return ImageInventory.of(image, file.toString(), keepContent);
        } catch (ZbiFormatException e) {
            throw CommandFailure.invalidInput(file, e);
        } catch (IOException e) {
            throw CommandFailure.unreadable(file, e);
        }
    }

    private ProfileReport profile(Path file) {
        StrategyConverter.requireDistinct(spec, strategies);
        return ImageProfiles.profile(
                file,
                ProfileOptions.defaults().withStrategies(strategies),
                spec.commandLine().getErr(),
                progress.enabled());
    }

    private List<Check> checks(ImageDiff diff, ImageInventory after) {
        List<Check> checks = new ArrayList<>();
        try {
            FailOn.others(budgets).forEach(b -> checks.add(b.evaluate(diff)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        FailOn.sizes(budgets).forEach(b -> checks.add(Check.of(b.evaluate(after))));
        return checks;
    }
}
