package dev.bootsplice.profile;

import dev.bootsplice.splice.ProgressListener;
import dev.bootsplice.splice.Strategy;
import dev.bootsplice.splice.Trace;
import java.util.List;

/**
 * What {@link Profiler#profile} runs: the strategies (in report order), the trace, the cost model,
 * a progress listener, the image path to print (null: the image's own name) and how often each
 * strategy runs ({@link Repetitions#AUTO} by default).
 */
public record ProfileOptions(List<Strategy> strategies, Trace trace, CostModel costModel,
    ProgressListener progress, String imagePath, Repetitions repetitions) {

  /** The `profile` command's defaults: clone, copy and transfer; trace `all`; default costs. */
  public static final List<Strategy> DEFAULT_STRATEGIES =
      List.of(Strategy.CLONE, Strategy.COPY, Strategy.TRANSFER);

  /**
   * Options as given.
   *
   * @throws IllegalArgumentException if no strategy is given or one is given twice
   */
  public ProfileOptions {
    strategies = List.copyOf(strategies);
    repetitions = repetitions == null ? Repetitions.AUTO : repetitions;
    if (strategies.isEmpty() || strategies.stream().distinct().count() != strategies.size()) {
      throw new IllegalArgumentException("strategies must be non-empty and distinct, were " + strategies);
    }
  }

  /** The defaults: {@link #DEFAULT_STRATEGIES}, {@link Trace#all()}, {@link CostModel#defaults()}. */
  public static ProfileOptions defaults() {
    return new ProfileOptions(DEFAULT_STRATEGIES, Trace.all(), CostModel.defaults(),
        ProgressListener.NONE, null, Repetitions.AUTO);
  }

  /** These options with other strategies. */
  public ProfileOptions withStrategies(List<Strategy> value) {
    return new ProfileOptions(value, trace, costModel, progress, imagePath, repetitions);
  }

  /** These options with another trace. */
  public ProfileOptions withTrace(Trace value) {
    return new ProfileOptions(strategies, value, costModel, progress, imagePath, repetitions);
  }

  /** These options with another cost model. */
  public ProfileOptions withCostModel(CostModel value) {
    return new ProfileOptions(strategies, trace, value, progress, imagePath, repetitions);
  }

  /** These options with a progress listener. */
  public ProfileOptions withProgress(ProgressListener value) {
    return new ProfileOptions(strategies, trace, costModel, value, imagePath, repetitions);
  }

  /** These options printing {@code value} as the image path. */
  public ProfileOptions withImagePath(String value) {
    return new ProfileOptions(strategies, trace, costModel, progress, value, repetitions);
  }

  /** These options with other repetitions. */
  public ProfileOptions withRepetitions(Repetitions value) {
    return new ProfileOptions(strategies, trace, costModel, progress, imagePath, value);
  }
}
