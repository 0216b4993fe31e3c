package dev.bootsplice.cli;

import dev.bootsplice.splice.Strategy;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code clone}, {@code clone-sharecount}, {@code copy} or {@code transfer}. */
final class StrategyConverter implements ITypeConverter<Strategy> {
    @Override
    public Strategy convert(String value) {
        try {
            return Strategy.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** Refuses {@code strategies} that name one strategy twice, as a usage error of {@code spec}'s command. */
    static void requireDistinct(CommandSpec spec, List<Strategy> strategies) {
        if (strategies.stream().distinct().count() != strategies.size()) {
            throw new ParameterException(spec.commandLine(), "--strategies names a strategy twice");
        }
    }
}
