package dev.bootsplice.cli;

import dev.bootsplice.report.Budget;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a {@code --fail-on} budget such as {@code transfer.lookup.hops.max>0}. */
final class BudgetConverter implements ITypeConverter<Budget> {
    @Override
    public Budget convert(String value) {
        try {
            return Budget.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
