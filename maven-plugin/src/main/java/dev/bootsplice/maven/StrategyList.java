package dev.bootsplice.maven;

import dev.bootsplice.splice.Strategy;
import java.util.List;

/**
 * The {@code strategies} parameter: names as the command line's {@code --strategies} takes them, in order.
 * Elements may themselves be comma-separated, so {@code -Dbootsplice.strategies=clone,transfer} and
 * {@code <strategies><strategy>clone</strategy>...} read the same.
 */
final class StrategyList {
    private StrategyList() {}

    /**
     * Parses {@code names} into strategies in the order given.
     *
     * @throws IllegalArgumentException when a name is unknown or repeated, or no strategy is named
     */
    static List<Strategy> parse(List<String> names) {
        List<Strategy> strategies = NamedList.parse(names, Strategy::parse, Strategy::cliName, "strategy");
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("no strategy given");
        }
        return strategies;
    }
}
