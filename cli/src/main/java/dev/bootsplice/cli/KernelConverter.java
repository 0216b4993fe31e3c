package dev.bootsplice.cli;

import dev.bootsplice.splice.KernelEra;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code 2023}, {@code 2024} or {@code 2025}. */
final class KernelConverter implements ITypeConverter<KernelEra> {
    @Override
    public KernelEra convert(String value) {
        try {
            return KernelEra.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
