package dev.bootsplice.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads {@code pack} inputs (spec §4.2): directories (recursively), manifests ({@code target=source} lines,
 * sources relative to the manifest's folder) and existing ZBIs or bare BOOTFS images, whose BOOTFS files
 * join the new BOOTFS, whose CMDLINE fragments join the merged CMDLINE and whose other items are kept in
 * order. Input images stay open (mapped) until {@link #close()}.
 */
final class PackInputs implements AutoCloseable {
    /** Largest manifest read; a bigger non-image input is almost surely a mistake, not a manifest. */
    static final long MAX_MANIFEST_BYTES = 64L << 20;

    private final BootfsBuilder bootfs;
    private final CmdlineMerge cmdline;
    private String prefix;
    /** Skip manifest entries whose source is missing (the reference's --ignore-missing-files). */
    private boolean ignoreMissing;
    /** Folder manifest sources are relative to; null for each manifest's own folder. */
    private Path sourceBase;
    /** Told of every input file and folder read, for a depfile. */
    private java.util.function.Consumer<Path> reads = path -> {};
    /** Items of input images kept as they are, in input order. */
    private final List<ZbiItem> keptItems = new ArrayList<>();

    private final List<ZbiImage> openImages = new ArrayList<>();

    PackInputs(BootfsBuilder bootfs, CmdlineMerge cmdline, String prefix) {
        this.bootfs = bootfs;
        this.cmdline = cmdline;
        this.prefix = prefix;
    }

    List<ZbiItem> keptItems() {
        return keptItems;
    }

    /** Sets the prefix of names from later directories and manifests ({@code ""} for none). */
    PackInputs prefix(String prefix) {
        this.prefix = prefix;
        return this;
    }

    /** Makes later manifests skip entries whose source does not exist. */
    PackInputs ignoreMissing(boolean ignore) {
        this.ignoreMissing = ignore;
        return this;
    }

    /** Resolves later manifests' sources under {@code base} (null: under each manifest's folder). */
    PackInputs sourceBase(Path base) {
        this.sourceBase = base;
        return this;
    }

    /** Reports every file and folder read from now on to {@code reads}. */
    PackInputs recordReads(java.util.function.Consumer<Path> reads) {
        this.reads = reads;
        return this;
    }

    /**
     * Adds one input by kind: a directory, a ZBI or bare BOOTFS (by magic), else a manifest.
     *
     * @throws UsageException on a bad or duplicate BOOTFS name
     * @throws IOException when the input cannot be read, a manifest line is malformed, or an input image is
     *     broken (then the cause is the {@link ZbiFormatException})
     */
    void add(Path input) throws UsageException, IOException {
        if (input.toString().equals(STDIN)) {
            addImage(standardInput());
        } else if (Files.isDirectory(input)) {
            addDirectory(input, "");
        } else if (isImage(input)) {
            addImage(openImage(input));
        } else {
            addManifest(input);
        }
    }

    /** The input name that reads an image from standard input. */
    static final String STDIN = "-";

    /** Reads an image from standard input into memory; format errors become I/O errors naming it. */
    static ZbiImage standardInput() throws IOException {
        try {
            return ZbiImage.read(ByteBuffer.wrap(System.in.readAllBytes()), "<stdin>");
        } catch (ZbiFormatException e) {
            throw new IOException("<stdin>: " + e.getMessage(), e);
        }
    }

    /** Opens an input image and keeps it open for writing; format errors become I/O errors naming the file. */
    ZbiImage openImage(Path file) throws IOException {
        try {
            ZbiImage image = ZbiImage.open(file);
            reads.accept(file);
            openImages.add(image);
            return image;
        } catch (ZbiFormatException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Adds every regular file under {@code dir} as {@code prefix/target/relative-path}. */
    void addDirectory(Path dir, String target) throws UsageException, IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                if (Files.isDirectory(p)) {
                    reads.accept(p);
                } else if (!AtomicFiles.isLeftover(p.getFileName().toString())) {
                    // Temporary files of killed runs (extract, pack) are never content.
                    files.add(p);
                }
            }
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + ": not a regular file");
            }
            reads.accept(file);
            StringBuilder name = new StringBuilder(target);
            for (Path part : dir.relativize(file)) {
                name.append(name.length() == 0 ? "" : "/").append(part);
            }
            bootfs.add(BootfsNames.prefixed(prefix, name.toString()), file);
        }
    }

    /** Reads {@code target=source} lines; blank lines are skipped, a line without {@code =} is an error. */
    void addManifest(Path manifest) throws UsageException, IOException {
        Path folder =
                sourceBase != null ? sourceBase : manifest.toAbsolutePath().getParent();
        List<String> lines = manifestLines(manifest);
        reads.accept(manifest);
        addManifestLines(manifest.toString(), lines, folder);
    }

    /** Adds manifest lines given as text (the reference's {@code --entry} in files mode), sources under the base. */
    void addManifestText(String text, String origin) throws UsageException, IOException {
        Path folder = sourceBase != null ? sourceBase : Path.of("");
        addManifestLines(origin, List.of(text.split("\n", -1)), folder);
    }

    private void addManifestLines(String manifest, List<String> lines, Path folder) throws UsageException, IOException {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).endsWith("\r")
                    ? lines.get(i).substring(0, lines.get(i).length() - 1)
                    : lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IOException(manifest + ":" + (i + 1) + ": manifest entry has no '=' separator: " + line);
            }
            String target = line.substring(0, eq);
            Path source = folder.resolve(line.substring(eq + 1));
            if (!Files.exists(source)) {
                if (ignoreMissing) {
                    continue;
                }
                throw new NoSuchFileException(source.toString(), null, manifest + ":" + (i + 1) + ": no such file");
            }
            if (Files.isDirectory(source)) {
                BootfsNames.validate(target);
                addDirectory(source, target);
            } else {
                reads.accept(source);
                bootfs.add(BootfsNames.prefixed(prefix, target), source);
            }
        }
    }

    /** Returns the manifest's lines; refuses files too large or not UTF-8 (likely not a manifest at all). */
    private static List<String> manifestLines(Path manifest) throws IOException {
        long size = Files.size(manifest);
        if (size > MAX_MANIFEST_BYTES) {
            throw new IOException(
                    manifest + ": not a ZBI or BOOTFS image, and at " + size + " bytes too large for a manifest");
        }
        try {
            return List.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(manifest)))
                    .toString()
                    .split("\n", -1));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(manifest + ": not a ZBI or BOOTFS image, nor a UTF-8 manifest", e);
        }
    }

    /** Merges the image's BOOTFS items and CMDLINE items; keeps every other item. */
    void addImage(ZbiImage image) throws UsageException, IOException {
        for (ZbiItem item : image.items()) {
            if (item.type().equals(ItemType.BOOTFS)) {
                mergeBootfs(image, item);
            } else if (item.type().equals(ItemType.CMDLINE)) {
                cmdline.append(WriterPayloads.bytes(image, item));
            } else {
                keptItems.add(item);
            }
        }
    }

    /** Adds every file of a BOOTFS item under its own name (no prefix); shared input ranges stay one file. */
    void mergeBootfs(ZbiImage image, ZbiItem item) throws UsageException, IOException {
        try {
            Bootfs parsed = Bootfs.parse(item.payload());
            for (BootfsEntry e : parsed.entries()) {
                bootfs.add(e.name(), FileSources.buffer(parsed.content(e), item, e.dataOffset()));
            }
        } catch (ZbiFormatException e) {
            ZbiFormatException located = e.itemIndex() < 0 ? e.inItem(item.index(), item.type()) : e;
            throw new IOException(image.name() + ": " + located.getMessage(), located);
        }
    }

    /** Returns true when the file starts like a ZBI container header or a BOOTFS header. */
    static boolean isImage(Path file) throws IOException {
        byte[] head = new byte[ZbiConstants.HEADER_SIZE];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        boolean zbi = n == ZbiConstants.HEADER_SIZE
                && b.getInt(0) == ZbiConstants.TYPE_CONTAINER
                && b.getInt(8) == ZbiConstants.CONTAINER_MAGIC
                && b.getInt(24) == ZbiConstants.ITEM_MAGIC;
        boolean bareBootfs = n >= 4 && b.getInt(0) == ZbiConstants.BOOTFS_MAGIC;
        return zbi || bareBootfs;
    }

    @Override
    public void close() throws IOException {
        closeAll(openImages);
    }

    /** Closes every image, then rethrows the last failure (so one failed close does not leak the others). */
    static void closeAll(List<ZbiImage> images) throws IOException {
        IOException failure = null;
        for (ZbiImage image : images) {
            try {
                image.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
