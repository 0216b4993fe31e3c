package dev.bootsplice.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Collects named files and writes the BOOTFS image the reference tool would (spec §2, §4.4): names in
 * component-wise unsigned byte order, files with identical content (SHA-256) sharing one data range, empty
 * files at the current end of data. File contents are not copied: arrays are kept by reference and host
 * files are read again when the image is written, so images larger than the heap can be streamed.
 */
public final class BootfsBuilder {
    private final SortedMap<String, FileSource> files = new TreeMap<>(BootfsNames.ORDER);
    /** Every proper directory prefix of an added name, to reject a name that is both file and directory. */
    private final Set<String> directories = new HashSet<>();

    private RangeSharing sharing = RangeSharing.SAME_CONTENT;
    /** When true, adding a name that is already present replaces its content (the reference's --replace). */
    private boolean replace;
    /** Cached layout; null after any change. */
    private BootfsLayout layout;

    /**
     * Adds a file whose content is {@code content} (kept by reference, not copied).
     *
     * @throws UsageException when the name breaks a rule of {@link #add(String, Path)}
     */
    public BootfsBuilder add(String name, byte[] content) throws UsageException {
        return add(name, FileSources.bytes(content));
    }

    /**
     * Adds a host file, read once now for its size and digest and again when the image is written.
     *
     * @throws UsageException when the name is empty, absolute, longer than 255 bytes, has an empty, {@code .}
     *     or {@code ..} component, is already present, or is a directory of another name (or vice versa)
     * @throws IOException when the file cannot be read
     */
    public BootfsBuilder add(String name, Path file) throws UsageException, IOException {
        BootfsNames.validate(name);
        return add(name, FileSources.file(file));
    }

    /** Adds a file with the given content source. */
    BootfsBuilder add(String name, FileSource source) throws UsageException {
        BootfsNames.validate(name);
        if (files.containsKey(name)) {
            if (!replace) {
                throw new UsageException("duplicate target path: " + name);
            }
            files.put(name, source);
            layout = null;
            return this;
        }
        if (directories.contains(name)) {
            throw new UsageException("duplicate target path (directory vs file): " + name);
        }
        for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
            if (files.containsKey(name.substring(0, slash))) {
                throw new UsageException("duplicate target path (directory vs file): " + name);
            }
        }
        for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
            directories.add(name.substring(0, slash));
        }
        files.put(name, source);
        layout = null;
        return this;
    }

    /** Lets later additions of a name replace earlier ones (last wins) while {@code replace} is true. */
    public BootfsBuilder replaceDuplicates(boolean replace) {
        this.replace = replace;
        return this;
    }

    /**
     * Adds every file of {@code other} in its name order, under this builder's current duplicate rule.
     *
     * @throws UsageException on a duplicate name without replacement, or a name that is both file and directory
     */
    BootfsBuilder addAll(BootfsBuilder other) throws UsageException {
        for (java.util.Map.Entry<String, FileSource> e : other.files.entrySet()) {
            add(e.getKey(), e.getValue());
        }
        return this;
    }

    /** Keeps only the names {@code keep} accepts; returns how many names were tested. */
    int retain(java.util.function.Predicate<String> keep) {
        int tested = files.size();
        files.keySet().removeIf(name -> !keep.test(name));
        directories.clear();
        for (String name : files.keySet()) {
            for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                directories.add(name.substring(0, slash));
            }
        }
        layout = null;
        return tested;
    }

    /** Chooses when names share a data range; {@link RangeSharing#SAME_CONTENT} unless changed. */
    public BootfsBuilder rangeSharing(RangeSharing sharing) {
        this.sharing = java.util.Objects.requireNonNull(sharing);
        layout = null;
        return this;
    }

    /** Returns true when {@code name} has been added. */
    public boolean contains(String name) {
        return files.containsKey(name);
    }

    /** Returns how many names have been added. */
    public int fileCount() {
        return files.size();
    }

    /**
     * Returns the size of the image {@link #writeTo} writes (a multiple of 4096).
     *
     * @throws UsageException when a file or the image exceeds the format's 32-bit sizes
     * @throws IOException when a content digest cannot be computed
     */
    public long imageSize() throws UsageException, IOException {
        return layout().size();
    }

    /**
     * Writes the BOOTFS image to {@code out} (not closed).
     *
     * @throws UsageException when a file or the image exceeds the format's 32-bit sizes
     * @throws IOException when writing fails or a host file changed size since it was added
     */
    public void writeTo(OutputStream out) throws UsageException, IOException {
        layout().writeTo(out);
    }

    /**
     * Returns the whole image in a heap buffer (position 0, little-endian); for images under 2 GiB.
     *
     * @throws UsageException when the image is 2 GiB or larger, or exceeds the format's sizes
     * @throws IOException when a host file cannot be read
     */
    public ByteBuffer build() throws UsageException, IOException {
        long size = imageSize();
        if (size > Integer.MAX_VALUE - 8) {
            throw new UsageException("BOOTFS image of " + size + " bytes is too large for one buffer; use writeTo");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
        writeTo(out);
        return ByteBuffer.wrap(out.toByteArray()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    /** Returns the frozen layout, computing it on first use after a change. */
    BootfsLayout layout() throws UsageException, IOException {
        if (layout == null) {
            layout = BootfsLayout.of(files, sharing);
        }
        return layout;
    }
}
