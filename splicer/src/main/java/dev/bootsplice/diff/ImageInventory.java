package dev.bootsplice.diff;

import com.github.luben.zstd.ZstdOutputStream;
import dev.bootsplice.format.Bootfs;
import dev.bootsplice.format.BootfsEntry;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import dev.bootsplice.report.ImageSizes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What an image holds, as sizes and content hashes: its items, its first BOOTFS (stored and
 * uncompressed bytes) and every BOOTFS file with the SHA-256 of its content; the base of
 * `diff` and of size budgets.
 */
public final class ImageInventory implements ImageSizes {
    /** The zstd level compressed size budgets use: the `pack` default (the reference tool's). */
    public static final int ESTIMATE_LEVEL = 4;

    private final String path;
    private final long imageBytes;
    private final List<Item> items;
    private final long bootfsBytes;
    private final long compressedBytes;
    private final List<FileInfo> files;
    private final Bootfs bootfs;

    /** One item: its index, type name, stored length and uncompressed size. */
    public record Item(int index, String type, long length, long uncompressedSize, boolean compressed) {}

    /** One BOOTFS file: name, size ({@code data_len}), {@code data_off} and content SHA-256. */
    public record FileInfo(String name, long size, long dataOffset, String sha256) {}

    private ImageInventory(
            String path,
            long imageBytes,
            List<Item> items,
            long bootfsBytes,
            long compressedBytes,
            List<FileInfo> files,
            Bootfs bootfs) {
        this.path = path;
        this.imageBytes = imageBytes;
        this.items = List.copyOf(items);
        this.bootfsBytes = bootfsBytes;
        this.compressedBytes = compressedBytes;
        this.files = List.copyOf(files);
        this.bootfs = bootfs;
    }

    /**
     * Reads {@code image} (named {@code path} in reports); an image without BOOTFS has no files. The
     * inventory keeps the decompressed BOOTFS for {@link #compressedSize}.
     *
     * @throws ZbiFormatException if its BOOTFS breaks a format rule or does not decompress
     */
    public static ImageInventory of(ZbiImage image, String path) throws ZbiFormatException {
        return of(image, path, true);
    }

    /**
     * Reads {@code image}; without {@code keepContent} the decompressed BOOTFS is let go once every
     * file is hashed (what an old image of a diff needs), and {@link #compressedSize} is unavailable.
     *
     * @throws ZbiFormatException if its BOOTFS breaks a format rule or does not decompress
     */
    public static ImageInventory of(ZbiImage image, String path, boolean keepContent) throws ZbiFormatException {
        List<Item> items = new ArrayList<>();
        for (ZbiItem i : image.items()) {
            items.add(new Item(i.index(), i.type().name(), i.length(), i.uncompressedSize(), i.isCompressed()));
        }
        ZbiItem first = image.firstBootfs().orElse(null);
        if (first == null) {
            return new ImageInventory(path, image.size(), items, 0, 0, List.of(), null);
        }
        Bootfs bootfs = Bootfs.parse(first.payload());
        List<FileInfo> files = new ArrayList<>();
        for (BootfsEntry e : bootfs.entries()) {
            files.add(new FileInfo(e.name(), e.dataLength(), e.dataOffset(), sha256(bootfs.content(e))));
        }
        return new ImageInventory(
                path,
                image.size(),
                items,
                first.uncompressedSize(),
                first.length(),
                files,
                keepContent ? bootfs : null);
    }

    /** The image path as given. */
    public String path() {
        return path;
    }

    /** The whole image file's size in bytes. */
    public long imageBytes() {
        return imageBytes;
    }

    /** Every item in image order. */
    public List<Item> items() {
        return items;
    }

    /** The first BOOTFS item's uncompressed size (0 without one). */
    public long bootfsBytes() {
        return bootfsBytes;
    }

    /** The first BOOTFS item's stored (compressed, if it is) payload length (0 without one). */
    public long compressedBytes() {
        return compressedBytes;
    }

    /** Every BOOTFS file in directory order. */
    public List<FileInfo> files() {
        return files;
    }

    @Override
    public long fileCount(Predicate<String> selected) {
        return files.stream().filter(f -> selected.test(f.name())).count();
    }

    /**
     * The bytes of the files {@code selected} names, counting a data range shared by several names
     * once: the uncompressed bytes they occupy in the BOOTFS.
     */
    @Override
    public long uncompressedSize(Predicate<String> selected) {
        return ranges(selected).stream().mapToLong(i -> files.get(i).size()).sum();
    }

    /** The indexes of the files {@code selected} names, in directory order, each data range's first only. */
    private List<Integer> ranges(Predicate<String> selected) {
        List<Integer> ranges = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            FileInfo f = files.get(i);
            if (selected.test(f.name()) && seen.add(f.dataOffset())) {
                ranges.add(i);
            }
        }
        return ranges;
    }

    /**
     * The selected files' contents (each shared range once, directory order) compressed as one zstd
     * stream at {@link #ESTIMATE_LEVEL}: what they would take as a BOOTFS item of their own (0 when
     * they hold no bytes).
     *
     * @throws IllegalStateException if the inventory was read without its content
     */
    @Override
    public long compressedSize(Predicate<String> selected) {
        if (bootfs == null && !files.isEmpty()) {
            throw new IllegalStateException(path + ": inventory read without content has no compressed sizes");
        }
        Counter counter = new Counter();
        long input = 0;
        try (ZstdOutputStream z = new ZstdOutputStream(counter, ESTIMATE_LEVEL)) {
            byte[] chunk = new byte[1 << 16];
            for (int i : ranges(selected)) {
                ByteBuffer data = bootfs.content(bootfs.entries().get(i));
                input += data.remaining();
                while (data.hasRemaining()) {
                    int n = Math.min(chunk.length, data.remaining());
                    data.get(chunk, 0, n);
                    z.write(chunk, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("compressing into a counter cannot fail", e);
        }
        return input == 0 ? 0 : counter.count;
    }

    private static String sha256(ByteBuffer data) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** An output stream that only counts the bytes written to it. */
    private static final class Counter extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
