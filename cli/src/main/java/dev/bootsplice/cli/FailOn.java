package dev.bootsplice.cli;

import dev.bootsplice.report.SizeBudget;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --fail-on} value: a size budget when it starts with {@code size[} ({@link SizeBudget}),
 * else the command's own kind of budget ({@code T}: a profile metric budget, a diff budget).
 */
record FailOn<T>(SizeBudget size, T other) {

    /** Parses {@code text} by its prefix; {@code parser} reads the command's own budgets. */
    static <T> FailOn<T> parse(String text, Function<String, T> parser) {
        try {
            return SizeBudget.isSizeBudget(text)
                    ? new FailOn<>(SizeBudget.parse(text), null)
                    : new FailOn<>(null, parser.apply(text));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** The size budgets among {@code all}. */
    static List<SizeBudget> sizes(List<? extends FailOn<?>> all) {
        return all.stream().map(FailOn::size).filter(java.util.Objects::nonNull).toList();
    }

    /** The command's own budgets among {@code all}. */
    static <T> List<T> others(List<FailOn<T>> all) {
        return all.stream()
                .map(FailOn::other)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** {@code profile --fail-on}: metric budgets ({@code transfer.lookup.hops.max>0}) and size budgets. */
    static final class ProfileConverter implements ITypeConverter<FailOn<dev.bootsplice.report.Budget>> {
        @Override
        public FailOn<dev.bootsplice.report.Budget> convert(String value) {
            return parse(value, dev.bootsplice.report.Budget::parse);
        }
    }

    /** {@code diff --fail-on}: diff budgets ({@code files.added>10}) and size budgets on the new image. */
    static final class DiffConverter implements ITypeConverter<FailOn<dev.bootsplice.diff.DiffBudget>> {
        @Override
        public FailOn<dev.bootsplice.diff.DiffBudget> convert(String value) {
            return parse(value, dev.bootsplice.diff.DiffBudget::parse);
        }
    }

    /** {@code verify --fail-on}: size budgets only. */
    static final class SizeOnlyConverter implements ITypeConverter<SizeBudget> {
        @Override
        public SizeBudget convert(String value) {
            try {
                return SizeBudget.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
