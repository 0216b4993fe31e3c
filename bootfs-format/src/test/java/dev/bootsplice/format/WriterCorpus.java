package dev.bootsplice.format;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Test access to the shared corpus and minimal raw parsing that does not depend on the reader classes. */
final class WriterCorpus {
    private WriterCorpus() {}

    /** Returns the corpus folder, skipping the test when it is missing. */
    static Path root() {
        String property = System.getProperty("bootsplice.corpus", "../../shared/corpus");
        Path root = Path.of(property);
        assumeTrue(Files.isDirectory(root), "shared corpus not found at " + root + " (clone without ../shared)");
        return root;
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static byte[] bytes(String relative) throws IOException {
        return Files.readAllBytes(file(relative));
    }

    /** A raw item: its header fields and stored payload. */
    record RawItem(int type, long length, long extra, int flags, long crc32, byte[] payload) {}

    /** Splits a ZBI into items by walking headers (no validation beyond bounds). */
    static List<RawItem> items(byte[] zbi) {
        ByteBuffer b = ByteBuffer.wrap(zbi).order(ByteOrder.LITTLE_ENDIAN);
        long end = 32 + Integer.toUnsignedLong(b.getInt(4));
        List<RawItem> items = new ArrayList<>();
        for (int off = 32; off < end; ) {
            long length = Integer.toUnsignedLong(b.getInt(off + 4));
            byte[] payload = new byte[(int) length];
            b.get(off + 32, payload);
            items.add(new RawItem(
                    b.getInt(off),
                    length,
                    Integer.toUnsignedLong(b.getInt(off + 8)),
                    b.getInt(off + 12),
                    Integer.toUnsignedLong(b.getInt(off + 28)),
                    payload));
            off += 32 + (int) ((length + 7) & ~7L);
        }
        return items;
    }

    /** Copies the remaining bytes of a buffer without moving its position. */
    static byte[] arrayOf(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
