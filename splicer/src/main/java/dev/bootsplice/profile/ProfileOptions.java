package dev.bootsplice.profile;

import dev.bootsplice.splice.KernelEra;
import dev.bootsplice.splice.ProgressListener;
import dev.bootsplice.splice.Strategy;
import dev.bootsplice.splice.Trace;
import java.util.List;

/**
 * What {@link Profiler#profile} runs: the strategies (in report order), the kernels each strategy
 * runs on, the trace, the cost model, a progress listener, the image path to print (null: the
 * image's own name) and how often each strategy runs ({@link Repetitions#AUTO} by default).
 */
public record ProfileOptions(
        List<Strategy> strategies,
        List<KernelEra> kernels,
        Trace trace,
        CostModel costModel,
        ProgressListener progress,
        String imagePath,
        Repetitions repetitions) {

    /** The `profile` command's defaults: clone, copy and transfer; trace `all`; default costs. */
    public static final List<Strategy> DEFAULT_STRATEGIES = List.of(Strategy.CLONE, Strategy.COPY, Strategy.TRANSFER);

    /**
     * The default kernel: 2023 (RFC_0223 + LEGACY_CHAIN), on which every strategy ran before
     * kernels were selectable (clone-sharecount pins SHARE_COUNT clones).
     */
    public static final List<KernelEra> DEFAULT_KERNELS = List.of(KernelEra.K2023);

    /**
     * Options as given.
     *
     * @throws IllegalArgumentException if no strategy or kernel is given or one is given twice
     */
    public ProfileOptions {
        strategies = List.copyOf(strategies);
        kernels = List.copyOf(kernels);
        repetitions = repetitions == null ? Repetitions.AUTO : repetitions;
        if (strategies.isEmpty() || strategies.stream().distinct().count() != strategies.size()) {
            throw new IllegalArgumentException("strategies must be non-empty and distinct, were " + strategies);
        }
        if (kernels.isEmpty() || kernels.stream().distinct().count() != kernels.size()) {
            throw new IllegalArgumentException("kernels must be non-empty and distinct, were " + kernels);
        }
    }

    /**
     * The defaults: {@link #DEFAULT_STRATEGIES} on {@link #DEFAULT_KERNELS}, {@link Trace#all()},
     * {@link CostModel#defaults()}, {@link Repetitions#AUTO}.
     */
    public static ProfileOptions defaults() {
        return new ProfileOptions(
                DEFAULT_STRATEGIES,
                DEFAULT_KERNELS,
                Trace.all(),
                CostModel.defaults(),
                ProgressListener.NONE,
                null,
                Repetitions.AUTO);
    }

    /** These options with other strategies. */
    public ProfileOptions withStrategies(List<Strategy> value) {
        return new ProfileOptions(value, kernels, trace, costModel, progress, imagePath, repetitions);
    }

    /** These options running every strategy on each of {@code value}. */
    public ProfileOptions withKernels(List<KernelEra> value) {
        return new ProfileOptions(strategies, value, trace, costModel, progress, imagePath, repetitions);
    }

    /** These options with another trace. */
    public ProfileOptions withTrace(Trace value) {
        return new ProfileOptions(strategies, kernels, value, costModel, progress, imagePath, repetitions);
    }

    /** These options with another cost model. */
    public ProfileOptions withCostModel(CostModel value) {
        return new ProfileOptions(strategies, kernels, trace, value, progress, imagePath, repetitions);
    }

    /** These options with a progress listener. */
    public ProfileOptions withProgress(ProgressListener value) {
        return new ProfileOptions(strategies, kernels, trace, costModel, value, imagePath, repetitions);
    }

    /** These options printing {@code value} as the image path. */
    public ProfileOptions withImagePath(String value) {
        return new ProfileOptions(strategies, kernels, trace, costModel, progress, value, repetitions);
    }

    /** These options with other repetitions. */
    public ProfileOptions withRepetitions(Repetitions value) {
        return new ProfileOptions(strategies, kernels, trace, costModel, progress, imagePath, value);
    }
}
