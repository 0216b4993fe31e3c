package dev.bootsplice.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses byte counts such as {@code 4096}, {@code 512KiB}, {@code 64MiB}, {@code 1GiB} (also {@code k}, {@code M}, {@code G}). */
final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        return parse(value);
    }

    /**
     * Returns the number of bytes {@code text} denotes; suffixes are binary multiples.
     *
     * @throws TypeConversionException when the text is not a non-negative size or overflows
     */
    static long parse(String text) {
        String s = text.trim();
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new TypeConversionException("'" + text + "' is not a size (examples: 4096, 512KiB, 64MiB, 1GiB)");
        }
        int shift =
                switch (s.substring(i).toLowerCase(Locale.ROOT)) {
                    case "", "b" -> 0;
                    case "k", "kib" -> 10;
                    case "m", "mib" -> 20;
                    case "g", "gib" -> 30;
                    case "t", "tib" -> 40;
                    default -> throw new TypeConversionException(
                            "'" + text + "' has an unknown unit (use B, KiB, MiB, GiB or TiB)");
                };
        try {
            long n = Long.parseLong(s.substring(0, i));
            if (n > (Long.MAX_VALUE >> shift)) {
                throw new TypeConversionException("'" + text + "' is too large");
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is too large");
        }
    }
}
