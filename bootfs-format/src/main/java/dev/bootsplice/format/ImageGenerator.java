package dev.bootsplice.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes synthetic, product-shaped boot images (cli.md {@code generate}): a BOOTFS with {@code bin/},
 * {@code lib/}, {@code driver/}, {@code blob/<hex>}, {@code config/}, {@code data/}, {@code meta/} and
 * {@code pkg/base/data/} files of log-normal sizes whose uncompressed BOOTFS is {@code pageAlign(size)}, some
 * empty files and some shared ranges, binary-like contents; optionally a synthetic KERNEL_X64 item first.
 * The bytes depend only on the builder's arguments. File contents are generated while writing, so memory
 * use does not grow with {@code size}.
 */
public final class ImageGenerator {
    /** Default number of files: a small image made quickly. */
    public static final int DEFAULT_FILES = 300;
    /** Default uncompressed BOOTFS size: 8 MiB. */
    public static final long DEFAULT_SIZE = 8L << 20;
    /** Largest file count accepted (a directory of this many names stays well under 2 GiB). */
    static final int MAX_FILES = 1_000_000;
    /** Largest uncompressed BOOTFS accepted: the format's 4 GiB limit less room for headers. */
    static final long MAX_SIZE = 0xffff_0000L;
    /** Physical address x86-64 kernels are loaded at; the synthetic kernel's entry point lies just past it. */
    private static final long KERNEL_LOAD_ADDRESS = 0x10_0000L;

    private static final int KERNEL_CODE_BYTES = 64 * 1024;
    private static final long KERNEL_RESERVE_MEMORY = 4L << 20;

    private final int files;
    private final long size;
    private final long seed;
    private final Compression compression;
    private final boolean kernel;

    private ImageGenerator(Builder b) {
        this.files = b.files;
        this.size = b.size;
        this.seed = b.seed;
        this.compression = b.compression;
        this.kernel = b.kernel;
    }

    /** Returns a builder with the defaults: 300 files, 8 MiB, seed 1, zstd level 4, no kernel. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the generator's arguments. */
    public static final class Builder {
        private int files = DEFAULT_FILES;
        private long size = DEFAULT_SIZE;
        private long seed = 1;
        private Compression compression = Compression.DEFAULT;
        private boolean kernel;

        private Builder() {}

        /** Sets the number of BOOTFS files (1..1,000,000). */
        public Builder files(int files) {
            this.files = files;
            return this;
        }

        /** Sets the target uncompressed BOOTFS size in bytes. */
        public Builder size(long size) {
            this.size = size;
            return this;
        }

        /** Sets the seed of the PRNG that decides names, sizes and contents. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the compression of the BOOTFS item; zstd level 4 unless changed. */
        public Builder compression(Compression compression) {
            this.compression = Objects.requireNonNull(compression);
            return this;
        }

        /** Adds a synthetic KERNEL_X64 item first so the image is bootable. */
        public Builder kernel(boolean kernel) {
            this.kernel = kernel;
            return this;
        }

        /**
         * Returns the generator.
         *
         * @throws UsageException when files is outside 1..1,000,000 or size outside 4096..0xffff0000
         */
        public ImageGenerator build() throws UsageException {
            if (files < 1 || files > MAX_FILES) {
                throw new UsageException("files", "must be between 1 and " + MAX_FILES + ", got " + files);
            }
            if (size < ZbiConstants.BOOTFS_PAGE_SIZE || size > MAX_SIZE) {
                throw new UsageException("size", "must be between 4096 and " + MAX_SIZE + " bytes, got " + size);
            }
            return new ImageGenerator(this);
        }
    }

    /** Writes the image to {@code out} (flushed, not closed) and describes it. */
    public PackSummary writeTo(OutputStream out) throws UsageException, IOException {
        CountingOutputStream counted = new CountingOutputStream(out);
        BootfsBuilder bootfs = bootfs();
        ZbiWriter writer = writer(bootfs);
        writer.writeTo(counted);
        return summary(writer, bootfs, counted.count());
    }

    /** Writes the image to a new file atomically; refuses an existing file. */
    public PackSummary writeTo(Path out) throws UsageException, IOException {
        return writeTo(out, false);
    }

    /** Writes the image to {@code out} atomically, replacing an existing file only when {@code force}. */
    public PackSummary writeTo(Path out, boolean force) throws UsageException, IOException {
        BootfsBuilder bootfs = bootfs();
        ZbiWriter writer = writer(bootfs);
        writer.writeTo(out, force);
        return summary(writer, bootfs, java.nio.file.Files.size(out));
    }

    /** Returns the whole image; for images under 2 GiB. */
    public byte[] toBytes() throws UsageException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(out);
        return out.toByteArray();
    }

    /** Returns the planned files (name, size, content id), in generation order. */
    List<GeneratorPlan.File> plan() {
        return GeneratorPlan.plan(files, size, seed);
    }

    private BootfsBuilder bootfs() throws UsageException {
        BootfsBuilder bootfs = new BootfsBuilder();
        for (GeneratorPlan.File f : plan()) {
            bootfs.add(f.name(), new SyntheticContent(seed, f.contentId(), f.size(), f.text()));
        }
        return bootfs;
    }

    private ZbiWriter writer(BootfsBuilder bootfs) throws UsageException, IOException {
        ZbiWriter writer = new ZbiWriter();
        if (kernel) {
            writer.addItem(ItemType.KERNEL_X64, 0, ByteBuffer.wrap(kernelPayload()));
        }
        return writer.addStorageItem(ItemType.BOOTFS, bootfs, compression);
    }

    /** Returns {@code zbi_kernel_t {entry, reserve_memory_size}} followed by code-like bytes. */
    private byte[] kernelPayload() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + KERNEL_CODE_BYTES);
        long entry = KERNEL_LOAD_ADDRESS + 2L * ZbiConstants.HEADER_SIZE + 16;
        out.write(ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(entry)
                .putLong(KERNEL_RESERVE_MEMORY)
                .array());
        new SyntheticContent(seed, -1, KERNEL_CODE_BYTES, false).writeTo(out);
        return out.toByteArray();
    }

    private static PackSummary summary(ZbiWriter writer, BootfsBuilder bootfs, long outputBytes)
            throws UsageException, IOException {
        return new PackSummary(
                writer.itemCount(), bootfs.fileCount(), bootfs.layout().rangeCount(), bootfs.imageSize(), outputBytes);
    }
}
