package dev.bootsplice.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic file contents for generated images, produced on the fly from (image seed, content id).
 * Binaries mix machine-code-like records, string tables, zero padding and random (already compressed)
 * sections in proportions that compress about 2.5–3× with zstd, as real ELF files do; text files are
 * key/value lines that compress much better.
 */
final class SyntheticContent implements FileSource {
    /** Bytes generated per section; a section has one kind. */
    private static final int SECTION = 4096;

    private static final String[] WORDS = {
        "fuchsia",
        "zircon",
        "component",
        "driver",
        "handle",
        "vmo",
        "channel",
        "process",
        "thread",
        "manifest",
        "package",
        "config",
        "bootfs",
        "kernel",
        "memory",
        "page",
        "service",
        "protocol",
        "capability",
        "resolver",
        "runner",
        "storage",
        "device",
        "interrupt",
        "logger",
        "inspect"
    };
    /** Opcode-like byte patterns; records reuse them with random immediates, like x86-64 code. */
    private static final byte[][] OPCODES = {
        {0x48, (byte) 0x89, (byte) 0xe5},
        {0x55},
        {0x41, 0x57},
        {(byte) 0xe8},
        {0x48, (byte) 0x8b, 0x45},
        {(byte) 0xc3},
        {0x0f, 0x1f, 0x44, 0x00, 0x00},
        {0x48, (byte) 0x83, (byte) 0xec},
        {(byte) 0xff, 0x15},
        {0x74},
        {0x75},
        {0x31, (byte) 0xc0}
    };

    /** Section mix of binaries, in per cent; the rest is random bytes. Tuned for about 2.5–3× with zstd 4. */
    private static final int CODE_PERCENT = 58;

    private static final int STRINGS_PERCENT = 22;
    private static final int ZERO_PERCENT = 8;
    /** Code sections repeat an earlier run of bytes (as compilers repeat instruction sequences) 1 time in this many. */
    private static final int REPEAT_ODDS = 3;
    /** How far back a repeated run may start. */
    private static final int REPEAT_WINDOW = 1024;

    /** Identity of generated content: equal ids mean equal bytes within one image. */
    record Key(long seed, int contentId) {}

    private final Key key;
    private final long size;
    private final boolean text;

    SyntheticContent(long seed, int contentId, long size, boolean text) {
        this.key = new Key(seed, contentId);
        this.size = size;
        this.text = text;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Object contentKey() {
        return key;
    }

    @Override
    public Object fileKey() {
        return key;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        SplittableRandom random = new SplittableRandom(mix(key.seed(), key.contentId()));
        byte[] section = new byte[SECTION];
        for (long left = size; left > 0; left -= SECTION) {
            int n = (int) Math.min(SECTION, left);
            if (text) {
                fillText(random, section, n);
            } else {
                fillBinary(random, section, n);
            }
            out.write(section, 0, n);
        }
    }

    /** Returns a well-mixed 64-bit seed for one content (SplitMix64 finaliser of seed and id). */
    static long mix(long seed, long id) {
        long z = seed * 0x9E3779B97F4A7C15L + id * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void fillBinary(SplittableRandom random, byte[] b, int n) {
        int kind = random.nextInt(100);
        if (kind < CODE_PERCENT) {
            fillCode(random, b, n);
        } else if (kind < CODE_PERCENT + STRINGS_PERCENT) {
            fillStrings(random, b, n, (byte) 0);
        } else if (kind < CODE_PERCENT + STRINGS_PERCENT + ZERO_PERCENT) {
            java.util.Arrays.fill(b, 0, n, (byte) 0);
        } else {
            fillRandom(random, b, n);
        }
    }

    private static void fillText(SplittableRandom random, byte[] b, int n) {
        fillStrings(random, b, n, (byte) '\n');
    }

    private static void fillCode(SplittableRandom random, byte[] b, int n) {
        int i = 0;
        while (i < n) {
            if (i > REPEAT_WINDOW && random.nextInt(REPEAT_ODDS) == 0) {
                int length = Math.min(n - i, 8 + random.nextInt(40));
                System.arraycopy(b, i - 1 - random.nextInt(REPEAT_WINDOW - 1), b, i, length);
                i += length;
                continue;
            }
            byte[] op = OPCODES[random.nextInt(OPCODES.length)];
            for (int k = 0; k < op.length && i < n; k++) {
                b[i++] = op[k];
            }
            int immediate = random.nextInt(4);
            for (int k = 0; k < immediate && i < n; k++) {
                b[i++] = (byte) random.nextInt(k == 0 ? 256 : 16);
            }
        }
    }

    private static void fillStrings(SplittableRandom random, byte[] b, int n, byte separator) {
        int i = 0;
        while (i < n) {
            byte[] word = WORDS[random.nextInt(WORDS.length)].getBytes(StandardCharsets.US_ASCII);
            for (int k = 0; k < word.length && i < n; k++) {
                b[i++] = word[k];
            }
            if (i < n) {
                b[i++] = random.nextInt(4) == 0 ? separator : (byte) (random.nextBoolean() ? '.' : '_');
            }
        }
    }

    private static void fillRandom(SplittableRandom random, byte[] b, int n) {
        for (int i = 0; i < n; i += 8) {
            long v = random.nextLong();
            for (int k = 0; k < 8 && i + k < n; k++) {
                b[i + k] = (byte) (v >>> (8 * k));
            }
        }
    }
}
