package dev.bootsplice.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The reference {@code zbi} tool's input model (spec §4.2–§4.4; misttech/fuchsia {@code zircon/tools/zbi/zbi.cc}
 * {@code main}): inputs are added in command-line order, each under the input switches then in force, and
 * {@link #build} turns them into one image. Items of input ZBIs keep their order and headers (unless
 * recompressed); their BOOTFS items pass through unless files are added or patterns are given, in which case
 * every file joins one new BOOTFS written last; with {@code merge} (an {@code --output}) CMDLINE items are
 * merged into one, placed before that BOOTFS.
 */
public final class ZbiAssembly implements AutoCloseable {
    /**
     * The input switches in force for one input.
     *
     * @param directory folder relative inputs and manifest sources resolve under ({@code -C}), null for the
     *     working directory
     * @param prefix prefix of BOOTFS names from manifests, directories and entries ({@code -p}), "" for none
     * @param replace later duplicate names replace earlier ones ({@code --replace})
     * @param ignoreMissing manifest entries with a missing source are skipped ({@code -i})
     * @param compression compression in force ({@code -c}/{@code -u}): for raw storage inputs and recompression
     * @param recompress storage items of input ZBIs are decompressed and compressed afresh ({@code --recompress})
     */
    public record InputOptions(
            Path directory,
            String prefix,
            boolean replace,
            boolean ignoreMissing,
            Compression compression,
            boolean recompress) {
        /** The state before any switch: working directory, no prefix, zstd level 4. */
        public static final InputOptions DEFAULT = new InputOptions(null, "", false, false, Compression.DEFAULT, false);

        /** Returns {@code path} resolved under {@link #directory} (absolute paths stay as they are). */
        public Path resolve(String path) {
            return directory == null ? Path.of(path) : directory.resolve(path);
        }
    }

    /** What {@link #build} made: the image to write, and how many BOOTFS names the patterns tested and kept. */
    public record Result(ZbiWriter writer, int namesChecked, int namesMatched) {}

    /** One output item in input order, with its type for the kernel-first ordering. */
    private record Emit(ItemType type, Action action) {}

    /** Adds one item to a writer; with {@code writing} false (nothing is written) nothing is compressed. */
    private interface Action {
        void addTo(ZbiWriter writer, boolean writing) throws UsageException, IOException;
    }

    /** A BOOTFS item of an input image: passed through, or merged into the new BOOTFS. */
    private record InputBootfs(ZbiImage image, ZbiItem item, Compression recompress, boolean replace) {}

    /** The files of one manifest, directory or entry, added as one group under its replace switch. */
    private record StagedFiles(BootfsBuilder files, boolean replace) {}

    private final List<Object> slots = new ArrayList<>();
    private final List<Object> fileGroups = new ArrayList<>();
    private final Set<Path> reads = new LinkedHashSet<>();
    private final List<ZbiImage> openImages = new ArrayList<>();

    /**
     * Adds a FILE or DIRECTORY argument in files mode ({@code -F}): a directory tree, a ZBI (or bare BOOTFS), or
     * else a manifest.
     *
     * @throws UsageException on a bad or duplicate BOOTFS name
     * @throws IOException when the input or a manifest source cannot be read, or an input image is broken
     */
    public void addFiles(String argument, InputOptions options) throws UsageException, IOException {
        Path input = options.resolve(argument);
        if (!Files.isDirectory(input) && PackInputs.isImage(input)) {
            addImage(open(input), options);
            return;
        }
        StagedFiles staged = stage(options);
        PackInputs in = inputs(staged, options);
        if (Files.isDirectory(input)) {
            in.addDirectory(input, "");
        } else {
            in.addManifest(input);
        }
    }

    /** Adds {@code --entry} TEXT in files mode: manifest lines ({@code target=source}). */
    public void addManifestText(String text, InputOptions options) throws UsageException, IOException {
        inputs(stage(options), options).addManifestText(text, "<command-line>");
    }

    /**
     * Adds a FILE argument under {@code --type=TYPE}: its content as one item of that type (CONTAINER: the file
     * must be a ZBI; BOOTFS: a bare BOOTFS image that may be merged).
     *
     * @throws UsageException when a CONTAINER input is not a ZBI
     * @throws IOException when the file cannot be read
     */
    public void addTyped(String argument, ItemType type, InputOptions options) throws UsageException, IOException {
        Path file = options.resolve(argument);
        if (Files.isDirectory(file)) {
            throw new IOException(argument + ": Is a directory");
        }
        if (type.equals(ItemType.CONTAINER)) {
            if (!PackInputs.isImage(file)) {
                throw new UsageException(argument + ": not a Zircon Boot Image file");
            }
            addImage(open(file), options);
            return;
        }
        reads.add(file);
        addPayload(type, WriterPayloads.map(file), options, file.toString());
    }

    /**
     * Adds {@code --entry} TEXT under {@code --type=TYPE}: TEXT (UTF-8) as the payload of one item.
     *
     * @throws UsageException for the CONTAINER type, which has no payload
     */
    public void addTypedText(String text, ItemType type, InputOptions options) throws UsageException, IOException {
        if (type.equals(ItemType.CONTAINER)) {
            throw new UsageException("cannot use --entry (-e) with --type=CONTAINER");
        }
        addPayload(type, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), options, "<command-line>");
    }

    /** Returns every file and folder read so far, in the order first read (for a depfile). */
    public Set<Path> filesRead() {
        return reads;
    }

    private void addPayload(ItemType type, ByteBuffer payload, InputOptions options, String name) throws IOException {
        if (type.equals(ItemType.BOOTFS)
                && payload.remaining() >= 4
                && payload.order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(0) == ZbiConstants.BOOTFS_MAGIC) {
            try {
                ZbiImage bare = ZbiImage.read(payload, name);
                InputBootfs b = new InputBootfs(bare, bare.items().get(0), options.compression(), options.replace());
                slots.add(b);
                fileGroups.add(b);
                return;
            } catch (ZbiFormatException e) {
                throw new IOException(name + ": " + e.getMessage(), e);
            }
        }
        Compression compression = options.compression();
        slots.add(new Emit(type, (w, writing) -> {
            if (type.isStorage()) {
                w.addStorageItem(type, payload, writing ? compression : Compression.NONE);
            } else {
                w.addItem(type, 0, payload);
            }
        }));
    }

    private void addImage(ZbiImage image, InputOptions options) {
        for (ZbiItem item : image.items()) {
            Compression recompress = options.recompress() && item.type().isStorage() ? options.compression() : null;
            if (item.type().equals(ItemType.BOOTFS)) {
                InputBootfs b = new InputBootfs(image, item, recompress, options.replace());
                slots.add(b);
                fileGroups.add(b);
            } else {
                slots.add(new Emit(item.type(), (w, writing) -> copy(w, image, item, listed(recompress, writing))));
            }
        }
    }

    /** Recompression when writing; when only listing, a recompressed item is shown decompressed. */
    private static Compression listed(Compression recompress, boolean writing) {
        return writing || recompress == null ? recompress : Compression.NONE;
    }

    private static void copy(ZbiWriter w, ZbiImage image, ZbiItem item, Compression recompress) throws IOException {
        if (recompress == null && !item.isSynthetic()) {
            w.copyItem(item);
            return;
        }
        try {
            w.addStorageItem(item.type(), item.payload(), recompress == null ? Compression.NONE : recompress);
        } catch (ZbiFormatException e) {
            throw new IOException(image.name() + ": " + e.getMessage(), e);
        }
    }

    private ZbiImage open(Path file) throws IOException {
        try {
            ZbiImage image = ZbiImage.open(file);
            openImages.add(image);
            reads.add(file);
            return image;
        } catch (ZbiFormatException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private StagedFiles stage(InputOptions options) {
        StagedFiles staged =
                new StagedFiles(new BootfsBuilder().replaceDuplicates(options.replace()), options.replace());
        fileGroups.add(staged);
        return staged;
    }

    private PackInputs inputs(StagedFiles staged, InputOptions options) {
        Path base = options.directory() == null ? Path.of("") : options.directory();
        return new PackInputs(staged.files(), new CmdlineMerge(), options.prefix())
                .ignoreMissing(options.ignoreMissing())
                .sourceBase(base)
                .recordReads(reads::add);
    }

    /**
     * Builds the image.
     *
     * @param merge true when writing an output: CMDLINE items are merged into one
     * @param bootfsCompression compression of a new BOOTFS (the last {@code -c}/{@code -u})
     * @param patterns the BOOTFS names to keep, or null without {@code -- PATTERN}
     * @param completeOrder stable-sort kernel items first and BOOTFS next (the 2020 tool's {@code --complete})
     * @throws UsageException on duplicate names or an image too large for the format
     * @throws IOException when an input BOOTFS is broken
     */
    public Result build(boolean merge, Compression bootfsCompression, Predicate<String> patterns, boolean completeOrder)
            throws UsageException, IOException {
        boolean filesAdded = fileGroups.stream()
                .anyMatch(g -> g instanceof StagedFiles s && s.files().fileCount() > 0);
        boolean mergeBootfs = filesAdded || patterns != null;
        BootfsBuilder bootfs = mergeBootfs ? mergedFiles() : new BootfsBuilder();
        int checked = bootfs.fileCount();
        if (patterns != null) {
            bootfs.retain(patterns);
        }
        List<Emit> emits = new ArrayList<>();
        CmdlineMerge cmdline = new CmdlineMerge();
        for (Object slot : slots) {
            if (slot instanceof InputBootfs b) {
                if (!mergeBootfs) {
                    emits.add(new Emit(
                            ItemType.BOOTFS,
                            (w, writing) -> copy(w, b.image(), b.item(), listed(b.recompress(), writing))));
                }
            } else if (merge && ((Emit) slot).type().equals(ItemType.CMDLINE)) {
                cmdline.append(cmdlinePayload((Emit) slot));
            } else {
                emits.add((Emit) slot);
            }
        }
        if (!cmdline.isEmpty()) {
            byte[] payload = cmdline.payload();
            emits.add(new Emit(
                    ItemType.CMDLINE, (w, writing) -> w.addItem(ItemType.CMDLINE, 0, ByteBuffer.wrap(payload))));
        }
        // Files filtered away by every pattern still leave an (empty) BOOTFS, as the reference tool writes it.
        if (bootfs.fileCount() > 0 || checked > 0) {
            emits.add(new Emit(
                    ItemType.BOOTFS, (w, writing) -> w.addStorageItem(ItemType.BOOTFS, bootfs, bootfsCompression)));
        }
        if (completeOrder) {
            emits.sort(Comparator.comparingInt(
                    e -> e.type().isKernel() ? 0 : e.type().equals(ItemType.BOOTFS) ? 1 : 2));
        }
        // Without an output nothing is written: the items are listed as the 2020 tool would have made them.
        ZbiWriter writer = new ZbiWriter().legacyUncompressedExtra(!merge);
        for (Emit e : emits) {
            e.action().addTo(writer, merge);
        }
        return new Result(writer, checked, bootfs.fileCount());
    }

    /** Every file of every group in input order: staged files, and the files of input BOOTFS items. */
    private BootfsBuilder mergedFiles() throws UsageException, IOException {
        BootfsBuilder all = new BootfsBuilder();
        for (Object group : fileGroups) {
            if (group instanceof StagedFiles s) {
                all.replaceDuplicates(s.replace()).addAll(s.files());
            } else {
                InputBootfs b = (InputBootfs) group;
                all.replaceDuplicates(b.replace());
                PackInputs in = new PackInputs(all, new CmdlineMerge(), "");
                in.mergeBootfs(b.image(), b.item());
            }
        }
        return all.replaceDuplicates(false);
    }

    /** Returns the payload of a CMDLINE item (written to a scratch writer, then its payload taken back). */
    private static byte[] cmdlinePayload(Emit emit) throws UsageException, IOException {
        ZbiWriter scratch = new ZbiWriter();
        emit.action().addTo(scratch, false);
        byte[] image = scratch.toBytes();
        try {
            ZbiItem item =
                    ZbiImage.read(ByteBuffer.wrap(image), "<cmdline>").items().get(0);
            ByteBuffer payload = item.payload();
            byte[] out = new byte[payload.remaining()];
            payload.get(out);
            return out;
        } catch (ZbiFormatException e) {
            throw new IOException("CMDLINE item: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        PackInputs.closeAll(openImages);
    }
}
