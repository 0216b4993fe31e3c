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
    /**
     * Warm-up lasts at least this long (when there is one): one round of a small image takes
     * microseconds, too little for the JIT to compile the model's hot paths, which showed as medians
     * 30% apart between two profiles of one tiny image; a product image's one round takes longer.
     */
    static final long WARM_UP_MIN_NANOS = 300_000_000L;
    /** The most warm-up rounds the minimum time adds. */
    static final int WARM_UP_MAX_ROUNDS = 200;

    /** The measured results of every case (in case order, each in round order) and the warm-up rounds run. */
    record Outcome<T>(List<List<T>> results, int warmUpRounds) {}

    /** One profiling case: a fresh boot of the scenario, returning its result. */
    interface Case<T> {
        T run() throws ZbiFormatException, SpliceException, TraceException;
    }

    private Rounds() {}

    /**
     * Runs the warm-up rounds (at least {@code repetitions.warmUpRounds()}, and while they have
     * taken less than {@link #WARM_UP_MIN_NANOS}, up to {@link #WARM_UP_MAX_ROUNDS}), then the
     * measured ones.
     *
     * @throws ZbiFormatException if a case does (the first failure ends the runs)
     * @throws SpliceException if a case does
     * @throws TraceException if a case does
     */
    static <T> Outcome<T> run(List<Case<T>> cases, Repetitions repetitions)
            throws ZbiFormatException, SpliceException, TraceException {
        int n = cases.size();
        List<List<T>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(new ArrayList<>());
        }
        int round = 0;
        long start = System.nanoTime();
        while (round < repetitions.warmUpRounds()
                || (repetitions.warmUpRounds() > 0
                        && round < WARM_UP_MAX_ROUNDS
                        && System.nanoTime() - start < WARM_UP_MIN_NANOS)) {
            runRound(cases, round++, null);
        }
        int warmUp = round;
        for (int r = 0; r < repetitions.rounds(); r++) {
            runRound(cases, round++, results);
        }
        return new Outcome<>(results, warmUp);
    }

    /** One round starting at case {@code round mod n}; results kept when {@code into} is not null. */
    private static <T> void runRound(List<Case<T>> cases, int round, List<List<T>> into)
            throws ZbiFormatException, SpliceException, TraceException {
        int n = cases.size();
        for (int k = 0; k < n; k++) {
            int index = (round + k) % n;
            T result = cases.get(index).run();
            if (into != null) {
                into.get(index).add(result);
            }
        }
    }
}
