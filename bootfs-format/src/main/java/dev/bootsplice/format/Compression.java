package dev.bootsplice.format;

import java.util.Locale;

/**
 * How a storage item's payload is compressed: a codec and its level, or none ({@code codec == null}).
 *
 * @param codec the codec, or null for an uncompressed payload
 * @param level the codec's level (zstd 1–19, LZ4F 1–12); 0 when {@code codec} is null
 */
public record Compression(Codec codec, int level) {
    /** Highest zstd level the reference tool's {@code max} selects (levels above 19 need "--ultra" memory). */
    static final int ZSTD_MAX_LEVEL = 19;
    /** Highest LZ4 frame level ({@code LZ4F_compressionLevel_max()}). */
    static final int LZ4F_MAX_LEVEL = 12;
    /** Default level of both codecs in the reference tool: good ratio, fast. */
    static final int DEFAULT_LEVEL = 4;

    /** The reference tool's default: zstd level 4. */
    public static final Compression DEFAULT = new Compression(Codec.ZSTD, DEFAULT_LEVEL);
    /** No compression. */
    public static final Compression NONE = new Compression(null, 0);

    /**
     * Validates the level against the codec's range.
     *
     * @throws IllegalArgumentException when the level is outside the codec's range, or nonzero without a codec
     */
    public Compression {
        if (codec == null && level != 0) {
            throw new IllegalArgumentException("compression level " + level + " given without a codec");
        }
        if (codec != null && (level < 1 || level > maxLevel(codec))) {
            throw new IllegalArgumentException(
                    codec.displayName() + " level " + level + " out of range 1.." + maxLevel(codec));
        }
    }

    /**
     * Parses {@code zstd}, {@code zstd:N}, {@code zstd:max}, {@code lz4f}, {@code lz4f:N}, {@code lz4f:max} or
     * {@code none} (case-insensitive; the reference tool's {@code .} separator is accepted too).
     *
     * @throws IllegalArgumentException with "unrecognized compression algorithm syntax: TEXT" for anything else
     */
    public static Compression parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("none")) {
            return NONE;
        }
        int sep = Math.max(s.indexOf(':'), s.indexOf('.'));
        String name = sep < 0 ? s : s.substring(0, sep);
        Codec codec = switch (name) {
            case "zstd" -> Codec.ZSTD;
            case "lz4f" -> Codec.LZ4F;
            default -> throw syntax(text);
        };
        if (sep < 0) {
            return new Compression(codec, DEFAULT_LEVEL);
        }
        String level = s.substring(sep + 1);
        if (level.equals("max")) {
            return new Compression(codec, maxLevel(codec));
        }
        try {
            return new Compression(codec, Integer.parseInt(level));
        } catch (NumberFormatException e) {
            throw syntax(text);
        }
    }

    /** Returns true when payloads are stored as given. */
    public boolean isNone() {
        return codec == null;
    }

    /** Returns the form {@link #parse} reads back: {@code none} or {@code codec:level}. */
    @Override
    public String toString() {
        return codec == null ? "none" : codec.displayName() + ":" + level;
    }

    static int maxLevel(Codec codec) {
        return codec == Codec.ZSTD ? ZSTD_MAX_LEVEL : LZ4F_MAX_LEVEL;
    }

    private static IllegalArgumentException syntax(String text) {
        return new IllegalArgumentException("unrecognized compression algorithm syntax: " + text);
    }
}
