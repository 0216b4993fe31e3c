package dev.bootsplice.profile;

import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.profile.ProfileReport.StrategyReport;
import dev.bootsplice.splice.KernelEra;
import dev.bootsplice.splice.LookupRun;
import dev.bootsplice.splice.SpliceException;
import dev.bootsplice.splice.SpliceResult;
import dev.bootsplice.splice.Splicer;
import dev.bootsplice.splice.Strategy;
import dev.bootsplice.splice.TraceException;
import dev.bootsplice.vm.ZxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the boot scenario for every strategy on every kernel, each run on a fresh model kernel
 * (load, splice, replay the trace), in interleaved rounds after a warm-up ({@link Rounds},
 * {@link Repetitions}), and reports counters, modeled costs (counts × cost model) and measured wall
 * times (median and spread over the runs, {@link MeasuredRuns}). With one kernel a strategy's entry
 * is named after the strategy; with several it is named {@code STRATEGY@KERNEL}, strategy by
 * strategy, kernels in the order given.
 */
public final class Profiler {
    private Profiler() {}

    /**
     * Profiles {@code image} with {@code options}.
     *
     * @throws ZbiFormatException if the image or its BOOTFS breaks a format rule
     * @throws SpliceException if the image has no BOOTFS or partially shared ranges
     * @throws TraceException if the trace names files or pages the image lacks
     */
    public static ProfileReport profile(ZbiImage image, ProfileOptions options)
            throws ZbiFormatException, SpliceException, TraceException {
        Repetitions repetitions = options.repetitions().resolve(bootfsPages(image));
        List<Rounds.Case<Run>> cases = new ArrayList<>();
        boolean several = options.kernels().size() > 1;
        for (Strategy s : options.strategies()) {
            for (KernelEra era : options.kernels()) {
                String name = several ? s.cliName() + "@" + era.cliName() : s.cliName();
                cases.add(() -> runOne(image, s, era, name, options));
            }
        }
        Rounds.Outcome<Run> outcome = Rounds.run(cases, repetitions);
        List<List<Run>> runs = outcome.results();
        List<StrategyReport> strategies = new ArrayList<>();
        for (List<Run> ofOne : runs) {
            strategies.add(MeasuredRuns.merge(ofOne.stream().map(Run::report).toList()));
        }
        Run last = runs.get(runs.size() - 1).get(0);
        String path = options.imagePath() != null ? options.imagePath() : image.name();
        ProfileReport.Image info = new ProfileReport.Image(
                path, image.sha256(), last.files(), last.bootfsBytes(), (last.bootfsBytes() + 4095) / 4096);
        CostModel model = options.costModel();
        return new ProfileReport(
                new ProfileReport.Tool("bootsplice", ToolVersion.get()),
                info,
                new ProfileReport.TraceInfo(
                        options.trace().name(), last.report().lookup().accesses()),
                new ProfileReport.CostModelInfo(model.name(), model.source(), model.nsByKey()),
                strategies,
                StrategyComparison.of(strategies),
                measurement(options.repetitions(), repetitions, outcome.warmUpRounds()));
    }

    /** The BOOTFS size in pages as its item header says, before anything is decompressed. */
    private static long bootfsPages(ZbiImage image) {
        return image.firstBootfs()
                .map(item -> (item.uncompressedSize() + 4095) / 4096)
                .orElse(1L);
    }

    private static ProfileReport.Measurement measurement(Repetitions asked, Repetitions used, int warmUpRounds) {
        String reason = !asked.isAuto()
                ? "as asked"
                : used.rounds() == Repetitions.MAX_ROUNDS
                        ? "small image: the most rounds"
                        : String.format(
                                java.util.Locale.ROOT,
                                "%d rounds fit the budget of %,d BOOTFS pages per strategy",
                                used.rounds(),
                                Repetitions.PAGE_BUDGET);
        return new ProfileReport.Measurement(
                warmUpRounds,
                used.rounds(),
                "round-robin over strategies, each round starting one strategy later; warm-up of at least "
                        + Rounds.WARM_UP_MIN_NANOS / 1_000_000 + " ms when there is one",
                "median, spread min-max",
                reason);
    }

    /** One strategy's report and the image facts it saw. */
    private record Run(StrategyReport report, long files, long bootfsBytes) {}

    /**
     * Boots one strategy on its own kernel; the kernel (every page of the model) becomes garbage
     * when this returns, before the next strategy loads its copy of the BOOTFS.
     */
    private static Run runOne(ZbiImage image, Strategy s, KernelEra era, String name, ProfileOptions options)
            throws ZbiFormatException, SpliceException, TraceException {
        SpliceResult spliced = Splicer.splice(image, s, era, options.progress());
        LookupRun run;
        try {
            run = spliced.replay(options.trace(), options.progress());
        } catch (ZxException e) {
            throw SpliceException.fromModel(e);
        }
        return new Run(
                StrategyMetrics.of(name, spliced, run, options.costModel()),
                spliced.fileCount(),
                spliced.bootfsBytes());
    }
}
