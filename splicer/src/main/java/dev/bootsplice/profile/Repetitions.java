package dev.bootsplice.profile;

/**
 * How often the profiler boots each strategy: {@code warmUpRounds} rounds whose times are thrown
 * away, then {@code rounds} measured rounds, each visiting every strategy once in an order that
 * starts one strategy later than the round before (so no strategy always runs first or last).
 * {@link #AUTO} picks both from the BOOTFS size ({@link #forPages}).
 */
public record Repetitions(int warmUpRounds, int rounds) {
    /** Chosen per image by {@link #forPages}. */
    public static final Repetitions AUTO = new Repetitions(-1, -1);
    /**
     * BOOTFS pages loaded per strategy over all measured rounds: 48 Ki pages (192 MiB) gives
     * core-x64 (13,801 pages) 3 rounds and keeps its four-strategy profile well under 3 s whole
     * process, while a 1 GiB image gets the single run it always had.
     */
    static final long PAGE_BUDGET = 48 * 1024;
    /** The most measured rounds: small images gain nothing from more. */
    static final int MAX_ROUNDS = 5;

    /**
     * Repetitions as given, or {@link #AUTO}.
     *
     * @throws IllegalArgumentException if rounds is below 1 or warm-up rounds below 0
     */
    public Repetitions {
        boolean auto = warmUpRounds == -1 && rounds == -1;
        if (!auto && (rounds < 1 || warmUpRounds < 0)) {
            throw new IllegalArgumentException(
                    "runs must be >= 1 and warm-up rounds >= 0, were " + rounds + " and " + warmUpRounds);
        }
    }

    /** Whether the counts are chosen per image. */
    public boolean isAuto() {
        return this.equals(AUTO);
    }

    /**
     * The repetitions for a BOOTFS of {@code pages} pages: {@code PAGE_BUDGET / pages} measured
     * rounds (1 to {@link #MAX_ROUNDS}) and one warm-up round when there is more than one measured
     * round; a single run has no spread to protect, and on a big image the JIT's first minutes are a
     * small part of it.
     */
    public static Repetitions forPages(long pages) {
        int rounds = (int) Math.max(1, Math.min(MAX_ROUNDS, PAGE_BUDGET / Math.max(1, pages)));
        return new Repetitions(rounds > 1 ? 1 : 0, rounds);
    }

    /** These repetitions, or those {@link #forPages} chooses when they are {@link #AUTO}. */
    public Repetitions resolve(long pages) {
        return isAuto() ? forPages(pages) : this;
    }
}
