package dev.bootsplice.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bootsplice.format.BootfsBuilder;
import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ItemType;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Images for the splicer's tests: written by the project's own BOOTFS and ZBI writers, or by hand. */
public final class TestImages {
    public static final int PAGE = 4096;

    private TestImages() {}

    /** {@code pages} pages of page-tagged bytes plus {@code tail} bytes: page i starts with i + 1 and {@code seed}. */
    public static byte[] tagged(int pages, int tail, int seed) {
        byte[] b = new byte[pages * PAGE + tail];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i % PAGE == 0 ? i / PAGE + 1 : i % PAGE == 1 ? seed : (i * 31 + seed) % 251);
        }
        return b;
    }

    /**
     * The adversarial files: 1-byte files, a file ending exactly on a page boundary, empty files (two
     * of them sharing one offset), a shared range, a multi-page file and an empty file last.
     */
    public static Map<String, byte[]> adversarialFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bin/one-byte", new byte[] {42});
        files.put("bin/other-byte", new byte[] {7});
        files.put("bin/page-exact", tagged(1, 0, 3));
        files.put("data/empty", new byte[0]);
        files.put("data/empty-too", new byte[0]);
        files.put("lib/multi", tagged(3, 5, 9));
        files.put("lib/shared-a", tagged(2, 1, 11));
        files.put("lib/shared-b", tagged(2, 1, 11));
        files.put("lib/two-pages-exact", tagged(2, 0, 13));
        files.put("zz-last-empty", new byte[0]);
        return files;
    }

    /** The files as a bare BOOTFS written by {@link BootfsBuilder}. */
    public static ByteBuffer bootfs(Map<String, byte[]> files) throws Exception {
        BootfsBuilder builder = new BootfsBuilder();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            builder.add(f.getKey(), f.getValue());
        }
        return builder.build();
    }

    /** The files as a ZBI with one BOOTFS item, compressed as asked, written by {@link ZbiWriter}. */
    public static byte[] zbi(Map<String, byte[]> files, Compression compression) throws Exception {
        return new ZbiWriter()
                .addStorageItem(ItemType.BOOTFS, bootfs(files), compression)
                .toBytes();
    }

    /** Reads bytes as an image named {@code name}. */
    public static ZbiImage image(byte[] bytes, String name) throws Exception {
        return ZbiImage.read(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), name);
    }

    /** Reads a buffer as an image named {@code name}. */
    public static ZbiImage image(ByteBuffer bytes, String name) throws Exception {
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        return image(copy, name);
    }

    /**
     * A bare BOOTFS built by hand: {@code entries} are (name, data_off, data_len) triples, the data
     * area is page-tagged and {@code size} bytes long; lets tests make layouts writers never do.
     */
    public static byte[] handBuiltBootfs(int size, Object... entries) {
        ByteBuffer b = ByteBuffer.wrap(tagged(size / PAGE, size % PAGE, 5)).order(ByteOrder.LITTLE_ENDIAN);
        int dir = 16;
        for (int i = 0; i < entries.length; i += 3) {
            byte[] name = ((String) entries[i]).getBytes(StandardCharsets.UTF_8);
            b.putInt(dir, name.length + 1)
                    .putInt(dir + 4, (Integer) entries[i + 2])
                    .putInt(dir + 8, (Integer) entries[i + 1]);
            int direntSize = (12 + name.length + 1 + 3) & ~3;
            for (int k = 12; k < direntSize; k++) {
                b.put(dir + k, k - 12 < name.length ? name[k - 12] : 0);
            }
            dir += direntSize;
        }
        for (int k = dir; k < PAGE; k++) {
            b.put(k, (byte) 0);
        }
        b.putInt(0, 0xa56d3ff9).putInt(4, dir - 16).putInt(8, 0).putInt(12, 0);
        return b.array();
    }

    /** The shared corpus folder, or a skipped test when it is missing. */
    public static Path corpus() {
        String dir = System.getProperty("bootsplice.corpus", "../shared/corpus");
        Path path = Path.of(dir);
        assumeTrue(
                Files.isDirectory(path),
                "shared corpus not found at " + path.toAbsolutePath() + " (clone without ../shared)");
        return path;
    }
}
