package dev.bootsplice.cli;

import dev.bootsplice.format.BootfsBuilder;
import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ItemType;
import dev.bootsplice.format.ZbiWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Images the tests make themselves, so the suite runs without the shared corpus. */
final class TestImages {
    static final int PAGE = 4096;
    private static final int BOOTFS_MAGIC = 0xa56d3ff9;

    private TestImages() {}

    /** The files of {@link #writeSmall}: one shared range (bin/app, bin/app-copy), an empty file, nesting. */
    static Map<String, byte[]> smallFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bin/app", "#!/boot/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
        files.put("bin/app-copy", "#!/boot/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
        files.put("data/empty", new byte[0]);
        byte[] big = new byte[3 * PAGE + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + i / PAGE);
        }
        files.put("lib/sub/big.bin", big);
        files.put("lib/one.txt", "one\n".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** Writes a ZBI with a zstd BOOTFS of {@link #smallFiles()} and a CMDLINE item, made by the project's writer. */
    static Path writeSmall(Path file) throws Exception {
        BootfsBuilder bootfs = new BootfsBuilder();
        for (Map.Entry<String, byte[]> f : smallFiles().entrySet()) {
            bootfs.add(f.getKey(), f.getValue());
        }
        new ZbiWriter()
                .addStorageItem(ItemType.BOOTFS, bootfs, Compression.DEFAULT)
                .addItem(ItemType.CMDLINE, 0, ByteBuffer.wrap("console=serial\0".getBytes(StandardCharsets.US_ASCII)))
                .writeTo(file, false);
        return file;
    }

    /**
     * Writes a bare BOOTFS with exactly these names in this order, no validation: for hostile-name cases the
     * project's writer rightly refuses to make.
     */
    static Path writeRawBootfs(Path file, Map<String, byte[]> files) throws IOException {
        int dirsize = 0;
        for (String name : files.keySet()) {
            dirsize += direntSize(name);
        }
        ByteBuffer dir = ByteBuffer.allocate(16 + dirsize).order(ByteOrder.LITTLE_ENDIAN);
        dir.putInt(BOOTFS_MAGIC).putInt(dirsize).putInt(0).putInt(0);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        long offset = align(16 + dirsize);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            byte[] name = f.getKey().getBytes(StandardCharsets.UTF_8);
            int start = dir.position();
            dir.putInt(name.length + 1)
                    .putInt(f.getValue().length)
                    .putInt((int) offset)
                    .put(name)
                    .put((byte) 0);
            dir.position(start + direntSize(f.getKey()));
            data.write(f.getValue());
            data.write(new byte[(int) (align(f.getValue().length) - f.getValue().length)]);
            offset += align(f.getValue().length);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(dir.array());
        all.write(new byte[(int) (align(16 + dirsize) - 16 - dirsize)]);
        all.write(data.toByteArray());
        Files.write(file, all.toByteArray());
        return file;
    }

    private static int direntSize(String name) {
        return (12 + name.getBytes(StandardCharsets.UTF_8).length + 1 + 3) & ~3;
    }

    private static long align(long n) {
        return (n + PAGE - 1) / PAGE * PAGE;
    }
}
