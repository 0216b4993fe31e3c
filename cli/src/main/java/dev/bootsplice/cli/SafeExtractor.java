package dev.bootsplice.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes named files under one output directory and never outside it. A name is refused, before anything
 * is written for it, when it is absolute, contains NUL, has a {@code ..} component, normalises to nothing,
 * collides with a name written earlier in this run (after dropping empty and {@code .} components, or as
 * file versus directory), passes through or ends at a symbolic link, or ends at or passes through an
 * existing directory entry that is not a regular file or directory (a device, FIFO or socket). An existing
 * regular file is replaced only when {@code force} is set. Every file is written to a temporary file in its
 * folder and renamed into place, so a reader never sees a partial file.
 */
final class SafeExtractor {
    private enum Kind {
        FILE,
        DIRECTORY
    }

    /** The name of an extraction's temporary file (see {@link #temporarySibling}). */
    private static final java.util.regex.Pattern LEFTOVER =
            java.util.regex.Pattern.compile("\\.bootsplice-[0-9a-f]+\\.tmp");

    /** Makes a hard link {@code link} to {@code existing}; {@link Files#createLink} outside tests. */
    @FunctionalInterface
    interface Linker {
        void link(Path link, Path existing) throws IOException;
    }

    /** The output directory with every symbolic link resolved; every write lands below it. */
    private final Path root;

    private final boolean force;
    private final Linker linker;
    /** Normalised relative paths this run has written (FILE) or created or passed through (DIRECTORY). */
    private final Map<String, Kind> claimed = new HashMap<>();
    /**
     * Folders this run has created or checked to be real directories below {@link #root}: checking each
     * once keeps a run of thousands of files from repeating the same lstat and realpath calls.
     */
    private final Set<Path> trustedFolders = new HashSet<>();
    /** Folders whose leftovers of killed runs ({@code .bootsplice-*.tmp}) this run has removed (or created empty). */
    private final Set<Path> swept = new HashSet<>();
    /** The temporary file being written now, or null; read by a shutdown hook on another thread. */
    private volatile Path inFlight;

    /**
     * Opens (creating if missing) the output directory {@code dir}.
     *
     * @throws IOException when it cannot be created or is not a directory
     */
    SafeExtractor(Path dir, boolean force) throws IOException {
        this(dir, force, (link, existing) -> Files.createLink(link, existing));
    }

    /** As {@link #SafeExtractor(Path, boolean)} with another way to make hard links (tests use one that fails). */
    SafeExtractor(Path dir, boolean force, Linker linker) throws IOException {
        Files.createDirectories(dir);
        this.root = dir.toRealPath();
        this.force = force;
        this.linker = linker;
    }

    /** Returns the real path of the output directory. */
    Path root() {
        return root;
    }

    /**
     * Writes {@code content} (from its position to its limit) as {@code name}.
     *
     * @return the written file
     * @throws ExtractionRefused when the name is unsafe or would overwrite without {@code force}
     * @throws IOException when the file system fails
     */
    Path write(String name, ByteBuffer content) throws ExtractionRefused, IOException {
        Target t = prepare(name);
        createFolders(t);
        removeLeftovers(t.path.getParent());
        Path tmp = temporarySibling(t.path);
        inFlight = tmp;
        try {
            writeNew(tmp, content);
            commit(tmp, t);
        } catch (IOException | ExtractionRefused | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            inFlight = null;
        }
        return t.path;
    }

    /**
     * Makes {@code name} a hard link to {@code existing} (a file this extractor wrote), or a copy of it
     * where the file system refuses hard links.
     *
     * @return true for a hard link, false for a copy
     * @throws ExtractionRefused as for {@link #write}
     * @throws IOException when the file system fails
     */
    boolean link(String name, Path existing) throws ExtractionRefused, IOException {
        Target t = prepare(name);
        createFolders(t);
        removeLeftovers(t.path.getParent());
        Path tmp = temporarySibling(t.path);
        inFlight = tmp;
        boolean linked;
        try {
            try {
                linker.link(tmp, existing);
                linked = true;
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof FileAlreadyExistsException) {
                    throw (FileAlreadyExistsException) e;
                }
                Files.copy(existing, tmp, LinkOption.NOFOLLOW_LINKS);
                linked = false;
            }
            commit(tmp, t);
        } catch (IOException | ExtractionRefused | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            inFlight = null;
        }
        return linked;
    }

    /**
     * Deletes the temporary file of a write in progress, if any: called from a shutdown hook so that an
     * interrupted extraction (Ctrl-C) leaves neither a partial file nor a stray temporary one.
     */
    void discardInFlight() {
        Path tmp = inFlight;
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // The JVM is exiting; a leftover temporary file is named .bootsplice-*.tmp and harmless.
                return;
            }
        }
    }

    /**
     * Removes, once per folder this run writes into, the temporary files a killed extraction left there
     * ({@code .bootsplice-HEX.tmp}, regular files only; a link of that name is removed, never followed). Two
     * extractions into one folder at the same time would remove each other's files in flight: do not run them.
     */
    private void removeLeftovers(Path folder) throws IOException {
        if (!swept.add(folder)) {
            return;
        }
        try (java.nio.file.DirectoryStream<Path> names = Files.newDirectoryStream(folder, ".bootsplice-*.tmp")) {
            for (Path p : names) {
                if (LEFTOVER.matcher(p.getFileName().toString()).matches()
                        && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Returns the components of {@code name} without empty and {@code .} ones. */
    static List<String> normalise(String name) throws ExtractionRefused {
        if (name.isEmpty()) {
            throw new ExtractionRefused("empty name");
        }
        if (name.startsWith("/")) {
            throw new ExtractionRefused("absolute name");
        }
        if (name.indexOf('\0') >= 0) {
            throw new ExtractionRefused("name contains a NUL byte");
        }
        List<String> components = new ArrayList<>();
        for (String c : name.split("/", -1)) {
            if (c.equals("..")) {
                throw new ExtractionRefused("name has a \"..\" component");
            }
            if (!c.isEmpty() && !c.equals(".")) {
                components.add(c);
            }
        }
        if (components.isEmpty()) {
            throw new ExtractionRefused("name has no file component");
        }
        return components;
    }

    /** A checked destination: its path and the parent folders still to create. */
    private record Target(String key, Path path, List<Path> missingFolders, List<String> missingKeys) {}

    /** Checks every rule for {@code name} without changing the file system. */
    private Target prepare(String name) throws ExtractionRefused, IOException {
        List<String> components = normalise(name);
        String key = String.join("/", components);
        Kind earlier = claimed.get(key);
        if (earlier != null) {
            throw new ExtractionRefused(
                    earlier == Kind.FILE
                            ? "collides with \"" + key + "\" extracted earlier"
                            : "collides with directory \"" + key + "\"");
        }
        Path current = root;
        List<Path> missing = new ArrayList<>();
        List<String> missingKeys = new ArrayList<>();
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < components.size() - 1; i++) {
            prefix.append(i == 0 ? "" : "/").append(components.get(i));
            current = current.resolve(components.get(i));
            if (claimed.get(prefix.toString()) == Kind.FILE) {
                throw new ExtractionRefused("\"" + prefix + "\" is a file extracted earlier");
            }
            if (!missing.isEmpty()) {
                missing.add(current);
                missingKeys.add(prefix.toString());
                continue;
            }
            if (trustedFolders.contains(current)) {
                continue;
            }
            BasicFileAttributes a = attributes(current);
            if (a == null) {
                missing.add(current);
                missingKeys.add(prefix.toString());
            } else if (a.isSymbolicLink()) {
                throw new ExtractionRefused("\"" + prefix + "\" is a symbolic link");
            } else if (a.isRegularFile()) {
                throw new ExtractionRefused("\"" + prefix + "\" is an existing file");
            } else if (!a.isDirectory()) {
                throw new ExtractionRefused("\"" + prefix + "\" is a device or special file");
            }
        }
        Path target = current.resolve(components.get(components.size() - 1));
        if (missing.isEmpty()) {
            checkExistingTarget(key, target);
        }
        if (!target.normalize().startsWith(root)) {
            throw new ExtractionRefused("resolves outside the output directory");
        }
        return new Target(key, target, missing, missingKeys);
    }

    /**
     * Refuses an existing target unless it is a regular file and {@code force} is set. A symbolic link is named
     * like one met as a folder on the way ({@code "lib" is a symbolic link}); other reasons omit the name the
     * caller's line already shows.
     */
    private void checkExistingTarget(String key, Path target) throws ExtractionRefused, IOException {
        BasicFileAttributes a = attributes(target);
        if (a == null) {
            return;
        }
        if (a.isSymbolicLink()) {
            throw new ExtractionRefused("\"" + key + "\" is a symbolic link");
        }
        if (a.isDirectory()) {
            throw new ExtractionRefused("is an existing directory");
        }
        if (!a.isRegularFile()) {
            throw new ExtractionRefused("is an existing device or special file");
        }
        if (!force) {
            throw new ExtractionRefused(ExtractionRefused.EXISTS);
        }
    }

    /** Checks once more that the folder is still inside the root, then renames {@code tmp} into place. */
    private void commit(Path tmp, Target t) throws ExtractionRefused, IOException {
        Path parent = t.path.getParent();
        if (!trustedFolders.contains(parent)) {
            if (!parent.toRealPath().equals(parent) || !parent.startsWith(root)) {
                throw new ExtractionRefused("a folder of the path changed into a symbolic link");
            }
            trustedFolders.add(parent);
        }
        Files.move(tmp, t.path, StandardCopyOption.ATOMIC_MOVE);
        claimed.put(t.key, Kind.FILE);
    }

    /** Returns a fresh temporary file name in the target's folder (short, whatever the target's length). */
    private static Path temporarySibling(Path target) {
        return target.resolveSibling(
                ".bootsplice-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    }

    /** Creates the folders {@code t} needs, refusing to go on through anything but a real folder. */
    private void createFolders(Target t) throws IOException {
        for (int i = 0; i < t.missingFolders.size(); i++) {
            try {
                Files.createDirectory(t.missingFolders.get(i));
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(t.missingFolders.get(i), LinkOption.NOFOLLOW_LINKS)) {
                    throw e;
                }
            }
            claimed.put(t.missingKeys.get(i), Kind.DIRECTORY);
            swept.add(t.missingFolders.get(i));
            // Made just now by this run inside a checked folder: no symbolic link can be on its path.
            trustedFolders.add(t.missingFolders.get(i));
        }
    }

    private static void writeNew(Path file, ByteBuffer content) throws IOException {
        ByteBuffer b = content.duplicate();
        try (FileChannel ch = FileChannel.open(
                file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
