package dev.bootsplice.format;

import java.util.Locale;

/**
 * How a storage item's payload is compressed: a codec and its level, or none ({@code codec == null}).
 *
 * @param codec the codec, or null for an uncompressed payload
 * @param level the codec's level (zstd 1–22, LZ4F 1–12); 0 when {@code codec} is null
 */
public record Compression(Codec codec, int level) {
    /** Highest zstd level the reference tool's {@code max} selects (levels above 19 need "--ultra" memory). */
    static final int ZSTD_MAX_LEVEL = 19;
    /** {@code ZSTD_maxCLevel()}: the level of the reference tool's {@code zstd.overclock}, and the highest accepted. */
    static final int ZSTD_OVERCLOCK_LEVEL = 22;
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
        if (codec != null && (level < 1 || level > highestLevel(codec))) {
            throw new IllegalArgumentException(
                    codec.displayName() + " level " + level + " out of range 1.." + highestLevel(codec));
        }
    }

    /**
     * Parses the reference tool's spellings (case-insensitive): {@code none}; {@code LEVEL} or {@code max} (zstd);
     * {@code zstd}, {@code zstd.LEVEL}, {@code zstd.max}, {@code zstd.overclock} (level 22); {@code lz4f},
     * {@code lz4f.LEVEL}, {@code lz4f.max}; and bootsplice's {@code zstd:LEVEL} / {@code lz4f:LEVEL} forms
     * (misttech/fuchsia {@code zircon/tools/zbi/zbi.cc}, {@code Compressor::Config::Parse}).
     *
     * @throws IllegalArgumentException with "unrecognized compression algorithm syntax: TEXT" for anything else,
     *     or "out of range" for a level the codec does not have
     */
    public static Compression parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("none")) {
            return NONE;
        }
        if (s.equals("max")) {
            return new Compression(Codec.ZSTD, ZSTD_MAX_LEVEL);
        }
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            return new Compression(Codec.ZSTD, level(s, text));
        }
        int sep = Math.max(s.indexOf(':'), s.indexOf('.'));
        String name = sep < 0 ? s : s.substring(0, sep);
        Codec codec =
                switch (name) {
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
        if (level.equals("overclock") && codec == Codec.ZSTD) {
            return new Compression(codec, ZSTD_OVERCLOCK_LEVEL);
        }
        return new Compression(codec, level(level, text));
    }

    private static int level(String digits, String text) {
        try {
            return Integer.parseInt(digits);
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

    /** Returns the level {@code max} selects for {@code codec}. */
    static int maxLevel(Codec codec) {
        return codec == Codec.ZSTD ? ZSTD_MAX_LEVEL : LZ4F_MAX_LEVEL;
    }

    /** Returns the highest level accepted for {@code codec} (zstd's {@code overclock} lies above {@code max}). */
    static int highestLevel(Codec codec) {
        return codec == Codec.ZSTD ? ZSTD_OVERCLOCK_LEVEL : LZ4F_MAX_LEVEL;
    }

    private static IllegalArgumentException syntax(String text) {
        return new IllegalArgumentException("unrecognized compression algorithm syntax: " + text);
    }
}
