package dev.bootsplice.report;

import dev.bootsplice.format.NameGlob;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size budget on the BOOTFS files whose names match a glob: {@code size[GLOB] OP SIZE} on their
 * uncompressed bytes, {@code size[GLOB].compressed OP SIZE} on the same files compressed as one
 * zstd stream at level 4; GLOB follows `extract`'s PATTERN rules ({@code *} also matches {@code /},
 * so {@code size[*]} is the whole BOOTFS). Like every `--fail-on` budget, it fails (exit 4) when
 * the comparison is true: {@code size[bin/**]>8MiB} fails when {@code bin/} holds more than 8 MiB.
 */
public final class SizeBudget {
    /** What every size budget starts with; the CLI dispatches `--fail-on` values on it. */
    public static final String PREFIX = "size[";

    private static final Pattern SYNTAX =
            Pattern.compile("\\s*size\\[(.+)\\](\\.compressed)?\\s*(" + Threshold.OPERATORS + ")\\s*(\\S.*?)\\s*");

    private final String text;
    private final String glob;
    private final boolean compressed;
    private final Threshold threshold;

    private SizeBudget(String text, String glob, boolean compressed, Threshold threshold) {
        this.text = text;
        this.glob = glob;
        this.compressed = compressed;
        this.threshold = threshold;
    }

    /** Whether {@code expression} is meant as a size budget (starts with {@link #PREFIX}). */
    public static boolean isSizeBudget(String expression) {
        return expression.strip().startsWith(PREFIX);
    }

    /**
     * Parses a size budget.
     *
     * @throws IllegalArgumentException saying what is wrong when it does not parse
     */
    public static SizeBudget parse(String expression) {
        Matcher m = SYNTAX.matcher(expression);
        if (!m.matches()) {
            throw new IllegalArgumentException("size budget \"" + expression + "\": expected size[GLOB] OP SIZE or "
                    + "size[GLOB].compressed OP SIZE with OP one of > >= < <= == != (e.g. size[bin/**]>8MiB)");
        }
        try {
            return new SizeBudget(
                    expression.strip(), m.group(1), m.group(2) != null, Threshold.parse(m.group(3), m.group(4)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("size budget \"" + expression + "\": " + e.getMessage(), e);
        }
    }

    /** The expression as written (trimmed). */
    public String text() {
        return text;
    }

    /** The glob selecting files. */
    public String glob() {
        return glob;
    }

    /** Whether the budget is on compressed bytes. */
    public boolean compressed() {
        return compressed;
    }

    /** Evaluates the budget on the files of {@code image}. */
    public SizeBudgetResult evaluate(ImageSizes image) {
        long files = image.fileCount(n -> NameGlob.matches(glob, n));
        long bytes = compressed
                ? image.compressedSize(n -> NameGlob.matches(glob, n))
                : image.uncompressedSize(n -> NameGlob.matches(glob, n));
        return new SizeBudgetResult(this, bytes, files, threshold.holds(bytes));
    }

    @Override
    public String toString() {
        return text;
    }
}
