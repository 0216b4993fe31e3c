package dev.bootsplice.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code pack} command as a library call (spec §4.2–§4.4, cli.md {@code pack}). Item order of the
 * output: the {@code --kernel} item; the items of input images other than BOOTFS and CMDLINE, in input
 * order; the {@code --item} items in order; one merged CMDLINE (input images' fragments first, then
 * {@code --cmdline} texts); last, one BOOTFS holding the files of every directory, manifest and input
 * BOOTFS. {@code --prefix} applies to names from directories and manifests (the reference tool skips it for
 * directories), not to files merged from input images. Input BOOTFS items are always merged into the new
 * BOOTFS, even when nothing else is added (the reference tool then passes them through unchanged); with
 * {@link RangeSharing#SAME_FILE} the rebuilt BOOTFS equals the input's. Usage errors are
 * {@link UsageException}s, unreadable or broken inputs {@link IOException}s.
 */
public final class ImagePacker {
    /** Size of {@code zbi_kernel_t} (entry, reserve_memory_size) that starts every kernel payload. */
    private static final int KERNEL_HEADER_SIZE = 16;

    private final List<Path> inputs = new ArrayList<>();
    private final List<String> cmdlines = new ArrayList<>();
    private final List<ItemType> itemTypes = new ArrayList<>();
    private final List<Path> itemFiles = new ArrayList<>();
    private Compression compression = Compression.DEFAULT;
    private RangeSharing sharing = RangeSharing.SAME_CONTENT;
    private String prefix = "";
    private Path kernel;
    private boolean bootfsOnly;
    private boolean replace;
    private boolean recompress;
    private boolean ignoreMissing;
    private java.util.function.Predicate<String> patterns;
    private final List<String> entryNames = new ArrayList<>();
    private final List<String> entryTexts = new ArrayList<>();
    private final java.util.Set<Path> reads = new java.util.LinkedHashSet<>();

    /** Adds an input: a directory, a manifest file, or an existing ZBI or bare BOOTFS image. */
    public ImagePacker input(Path path) {
        inputs.add(Objects.requireNonNull(path));
        return this;
    }

    /** Sets the compression of new storage items; zstd level 4 unless changed. */
    public ImagePacker compression(Compression compression) {
        this.compression = Objects.requireNonNull(compression);
        return this;
    }

    /** Chooses when BOOTFS names share a data range; by content unless changed. */
    public ImagePacker rangeSharing(RangeSharing sharing) {
        this.sharing = Objects.requireNonNull(sharing);
        return this;
    }

    /**
     * Puts names from directories and manifests under {@code prefix/}.
     *
     * @throws UsageException when the prefix is absolute or has an empty, {@code .} or {@code ..} component
     */
    public ImagePacker prefix(String prefix) throws UsageException {
        if (prefix.startsWith("/")) {
            throw new UsageException("prefix", "must be relative (no leading slash)");
        }
        String trimmed = BootfsNames.prefixed(prefix, "x");
        BootfsNames.validate(trimmed);
        this.prefix = prefix;
        return this;
    }

    /**
     * Places a kernel first: a ZBI whose only item is a kernel item (copied with its header, as a Fuchsia
     * build's kernel ZBI), or a raw file starting with {@code zbi_kernel_t} (a new KERNEL_X64 item with a CRC).
     */
    public ImagePacker kernel(Path file) {
        this.kernel = file;
        return this;
    }

    /** Adds a CMDLINE fragment; all fragments are merged into one CMDLINE item. */
    public ImagePacker cmdline(String text) {
        cmdlines.add(Objects.requireNonNull(text));
        return this;
    }

    /** Adds a file as the payload of an item of {@code type} (CMDLINE joins the merge, BOOTFS is merged). */
    public ImagePacker item(ItemType type, Path file) {
        itemTypes.add(Objects.requireNonNull(type));
        itemFiles.add(Objects.requireNonNull(file));
        return this;
    }

    /**
     * Parses the command line's {@code TYPE:FILE} (type by name or hex) and adds that item.
     *
     * @throws UsageException when there is no {@code :} or the type is unknown
     */
    public ImagePacker item(String spec) throws UsageException {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new UsageException("item", "needs TYPE:FILE, got \"" + spec + "\"");
        }
        try {
            return item(ItemType.parse(spec.substring(0, colon)), Path.of(spec.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("item", e.getMessage());
        }
    }

    /** Lets a later duplicate BOOTFS name replace the earlier one (last wins) instead of failing. */
    public ImagePacker replace(boolean replace) {
        this.replace = replace;
        return this;
    }

    /** Decompresses the storage items of input images and compresses them afresh with {@link #compression}. */
    public ImagePacker recompress(boolean recompress) {
        this.recompress = recompress;
        return this;
    }

    /** Skips manifest entries whose source file does not exist. */
    public ImagePacker ignoreMissingFiles(boolean ignore) {
        this.ignoreMissing = ignore;
        return this;
    }

    /** Keeps only the BOOTFS names {@code patterns} accepts (null keeps all). */
    public ImagePacker patterns(java.util.function.Predicate<String> patterns) {
        this.patterns = patterns;
        return this;
    }

    /**
     * Adds a BOOTFS file {@code name} whose content is {@code text} (UTF-8), after the inputs.
     *
     * @throws UsageException when the name breaks a BOOTFS name rule
     */
    public ImagePacker entry(String name, String text) throws UsageException {
        BootfsNames.validate(name);
        entryNames.add(name);
        entryTexts.add(text);
        return this;
    }

    /** Returns every input file and folder the last {@code pack} read, in the order first read (for a depfile). */
    public java.util.Set<Path> filesRead() {
        return reads;
    }

    /** Writes a bare BOOTFS image instead of a ZBI (no kernel, CMDLINE or other items allowed). */
    public ImagePacker bootfsOnly(boolean bootfsOnly) {
        this.bootfsOnly = bootfsOnly;
        return this;
    }

    /**
     * Packs everything into {@code out} atomically.
     *
     * @throws java.nio.file.FileAlreadyExistsException when {@code out} exists and {@code force} is false
     * @throws UsageException on bad or duplicate names, conflicting options or a too large image
     * @throws IOException when an input is unreadable or broken
     */
    public PackSummary pack(Path out, boolean force) throws UsageException, IOException {
        if (!force && Files.exists(out)) {
            throw new java.nio.file.FileAlreadyExistsException(out.toString(), null, "already exists");
        }
        return run(new Sink() {
            @Override
            public long write(ZbiWriter writer) throws UsageException, IOException {
                writer.writeTo(out, force);
                return Files.size(out);
            }

            @Override
            public long write(BootfsBuilder bootfs) throws UsageException, IOException {
                bootfs.layout();
                AtomicFiles.write(out, force, stream -> writeLaidOut(bootfs, stream));
                return Files.size(out);
            }
        });
    }

    /** Packs everything into {@code out} (flushed, not closed). */
    public PackSummary writeTo(OutputStream out) throws UsageException, IOException {
        return run(new Sink() {
            @Override
            public long write(ZbiWriter writer) throws UsageException, IOException {
                CountingOutputStream counted = new CountingOutputStream(out);
                writer.writeTo(counted);
                return counted.count();
            }

            @Override
            public long write(BootfsBuilder bootfs) throws UsageException, IOException {
                bootfs.writeTo(out);
                out.flush();
                return bootfs.imageSize();
            }
        });
    }

    /** Where the assembled image goes. */
    private interface Sink {
        long write(ZbiWriter writer) throws UsageException, IOException;

        long write(BootfsBuilder bootfs) throws UsageException, IOException;
    }

    private PackSummary run(Sink sink) throws UsageException, IOException {
        if (bootfsOnly && (kernel != null || !cmdlines.isEmpty() || !itemTypes.isEmpty())) {
            throw new UsageException("bootfs-only", "cannot be combined with a kernel, a command line or extra items");
        }
        BootfsBuilder bootfs = new BootfsBuilder().rangeSharing(sharing).replaceDuplicates(replace);
        CmdlineMerge cmdline = new CmdlineMerge();
        reads.clear();
        try (PackInputs in = new PackInputs(bootfs, cmdline, prefix)) {
            in.ignoreMissing(ignoreMissing).recordReads(reads::add);
            for (Path input : inputs) {
                in.add(input);
            }
            for (int i = 0; i < entryNames.size(); i++) {
                bootfs.add(entryNames.get(i), entryTexts.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            if (patterns != null && bootfs.retain(patterns) > 0 && bootfs.fileCount() == 0) {
                throw new UsageException("no matching BOOTFS files");
            }
            if (bootfsOnly) {
                long size = sink.write(bootfs);
                return new PackSummary(0, bootfs.fileCount(), bootfs.layout().rangeCount(), bootfs.imageSize(), size);
            }
            ZbiWriter writer = assemble(in, bootfs, cmdline);
            long size = sink.write(writer);
            boolean hasBootfs = bootfs.fileCount() > 0;
            return new PackSummary(
                    writer.itemCount(),
                    bootfs.fileCount(),
                    hasBootfs ? bootfs.layout().rangeCount() : 0,
                    hasBootfs ? bootfs.imageSize() : 0,
                    size);
        }
    }

    /** Lays the items out in the order of the class comment. */
    private ZbiWriter assemble(PackInputs in, BootfsBuilder bootfs, CmdlineMerge cmdline)
            throws UsageException, IOException {
        ZbiWriter writer = new ZbiWriter();
        addKernel(in, writer);
        for (ZbiItem item : in.keptItems()) {
            if (recompress && item.type().isStorage()) {
                writer.addStorageItem(item.type(), payloadOf(item), compression);
            } else {
                writer.copyItem(item);
            }
        }
        addItems(in, writer, cmdline);
        for (String text : cmdlines) {
            cmdline.append(text);
        }
        if (!cmdline.isEmpty()) {
            writer.addItem(ItemType.CMDLINE, 0, ByteBuffer.wrap(cmdline.payload()));
        }
        if (bootfs.fileCount() > 0) {
            writer.addStorageItem(ItemType.BOOTFS, bootfs, compression);
        }
        return writer;
    }

    private void addKernel(PackInputs in, ZbiWriter writer) throws UsageException, IOException {
        if (kernel == null) {
            return;
        }
        reads.add(kernel);
        if (PackInputs.isImage(kernel)) {
            ZbiImage image = in.openImage(kernel);
            List<ZbiItem> items = image.items();
            if (items.size() != 1 || !items.get(0).type().isKernel()) {
                throw new UsageException(
                        "kernel",
                        kernel + ": a kernel ZBI must hold exactly one kernel item, it holds " + items.size()
                                + " items; pass it as an input instead");
            }
            writer.copyItem(items.get(0));
            return;
        }
        ByteBuffer payload = WriterPayloads.map(kernel);
        if (payload.remaining() < KERNEL_HEADER_SIZE) {
            throw new UsageException(
                    "kernel",
                    kernel + ": " + payload.remaining() + " bytes is too short for the 16-byte zbi_kernel_t header");
        }
        writer.addItem(ItemType.KERNEL_X64, 0, payload);
    }

    private void addItems(PackInputs in, ZbiWriter writer, CmdlineMerge cmdline) throws UsageException, IOException {
        for (int i = 0; i < itemTypes.size(); i++) {
            ItemType type = itemTypes.get(i);
            Path file = itemFiles.get(i);
            reads.add(file);
            if (type.equals(ItemType.CMDLINE)) {
                cmdline.append(WriterPayloads.smallFile(file));
            } else if (type.equals(ItemType.BOOTFS)) {
                in.addImage(in.openImage(file));
            } else if (type.isStorage()) {
                writer.addStorageItem(type, WriterPayloads.file(file), compression);
            } else {
                writer.addItem(type, 0, WriterPayloads.map(file));
            }
        }
    }

    private static ByteBuffer payloadOf(ZbiItem item) throws IOException {
        try {
            return item.payload();
        } catch (ZbiFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Writes a bare BOOTFS whose layout is already computed (so only I/O errors remain). */
    private static void writeLaidOut(BootfsBuilder bootfs, OutputStream out) throws IOException {
        try {
            bootfs.layout().writeTo(out);
        } catch (UsageException e) {
            throw new IllegalStateException("layout was computed before writing", e);
        }
    }
}
