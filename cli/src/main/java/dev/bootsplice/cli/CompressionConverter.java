package dev.bootsplice.cli;

import dev.bootsplice.format.Compression;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code zstd[:LEVEL|:max]}, {@code lz4f[:LEVEL|:max]} or {@code none}; anything else is a usage error. */
final class CompressionConverter implements ITypeConverter<Compression> {
    @Override
    public Compression convert(String value) {
        try {
            return Compression.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
