package dev.bootsplice.profile;

import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.splice.SpliceException;
import dev.bootsplice.splice.TraceException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a list of profiling cases (one per strategy, or per strategy and kernel) in interleaved
 * rounds: warm-up rounds first (results dropped), then measured rounds; round {@code r} starts at
 * case {@code r mod n} and wraps around, so every case runs in every position equally often and
 * none always runs first, when the JIT and the heap are coldest.
 */
final class Rounds {
  /** One profiling case: a fresh boot of the scenario, returning its result. */
  interface Case<T> {
    T run() throws ZbiFormatException, SpliceException, TraceException;
  }

  private Rounds() {}

  /**
   * The measured results of every case, in case order, each list in round order.
   *
   * @throws ZbiFormatException if a case does (the first failure ends the runs)
   * @throws SpliceException if a case does
   * @throws TraceException if a case does
   */
  static <T> List<List<T>> run(List<Case<T>> cases, Repetitions repetitions)
      throws ZbiFormatException, SpliceException, TraceException {
    int n = cases.size();
    List<List<T>> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      results.add(new ArrayList<>());
    }
    int total = repetitions.warmUpRounds() + repetitions.rounds();
    for (int round = 0; round < total; round++) {
      boolean measured = round >= repetitions.warmUpRounds();
      for (int k = 0; k < n; k++) {
        int index = (round + k) % n;
        T result = cases.get(index).run();
        if (measured) {
          results.get(index).add(result);
        }
      }
    }
    return results;
  }
}
