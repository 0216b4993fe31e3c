package dev.bootsplice.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a packed image was built from: a SHA-256 over the configuration and, for every input file (directories
 * walked recursively), its path, size and modification time. {@code pack} skips the build when the stamp
 * written beside the last output matches and the output itself is unchanged since.
 *
 * <p>File contents are not hashed: a path, size and mtime triple is what incremental build tools compare, and
 * reading every input to decide whether to read every input would make the check as slow as the build.
 */
final class InputStamp {
    /** Larger files are images or payloads, never manifests: they are stamped, not scanned for sources. */
    private static final long MAX_MANIFEST_BYTES = 4L << 20;
    /** How far a file is probed for a NUL byte, the sign of a binary (image) input. */
    private static final int TEXT_PROBE_BYTES = 4096;

    private final String digest;

    private InputStamp(String digest) {
        this.digest = digest;
    }

    /**
     * Computes the stamp of {@code configuration} (one line per setting, order significant) and {@code inputs}.
     * A missing input is recorded as missing, so creating it later changes the stamp.
     *
     * @throws IOException when a directory cannot be walked or a file's attributes cannot be read
     */
    static InputStamp of(List<String> configuration, List<Path> inputs) throws IOException {
        MessageDigest sha = sha256();
        for (String line : configuration) {
            update(sha, "config " + line);
        }
        for (Path input : inputs) {
            update(sha, "input " + input.toAbsolutePath().normalize());
            for (String line : describe(input)) {
                update(sha, line);
            }
            if (Files.isRegularFile(input)) {
                for (Path source : manifestSources(input)) {
                    update(sha, "source " + source);
                    for (String line : describe(source)) {
                        update(sha, line);
                    }
                }
            }
        }
        return new InputStamp(HexFormat.of().formatHex(sha.digest()));
    }

    /** Returns the hex SHA-256 of everything the stamp covers. */
    String digest() {
        return digest;
    }

    /**
     * Returns true when {@code stampFile} records this stamp and {@code output} still has the size and
     * modification time recorded with it.
     */
    boolean matches(Path stampFile, Path output) throws IOException {
        if (!Files.isRegularFile(stampFile) || !Files.isRegularFile(output)) {
            return false;
        }
        return Files.readString(stampFile, StandardCharsets.UTF_8).equals(render(output));
    }

    /** Records this stamp and {@code output}'s current size and modification time in {@code stampFile}. */
    void write(Path stampFile, Path output) throws IOException {
        Files.createDirectories(stampFile.toAbsolutePath().getParent());
        Files.writeString(stampFile, render(output), StandardCharsets.UTF_8);
    }

    private String render(Path output) throws IOException {
        BasicFileAttributes a = Files.readAttributes(output, BasicFileAttributes.class);
        return "inputs " + digest + "\noutput " + a.size() + " "
                + a.lastModifiedTime().toMillis() + "\n";
    }

    /** One line per file under {@code input}, in a stable (sorted) order. */
    private static List<String> describe(Path input) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
            lines.add("missing");
            return lines;
        }
        if (!Files.isDirectory(input)) {
            lines.add(fileLine("", input));
            return lines;
        }
        try (Stream<Path> walk = Files.walk(input)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                lines.add(fileLine(input.relativize(p).toString(), p));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return lines;
    }

    /**
     * The files a manifest input names ({@code target=source}, sources relative to the manifest's folder), so
     * that editing a source invalidates the stamp. Image inputs and other binary files (a NUL byte in the
     * first {@value #TEXT_PROBE_BYTES} bytes) and files larger than any plausible manifest name none; a line
     * the packer would reject still names a path here, which can only make the stamp more sensitive.
     */
    private static List<Path> manifestSources(Path file) throws IOException {
        if (Files.size(file) > MAX_MANIFEST_BYTES) {
            return List.of();
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < Math.min(bytes.length, TEXT_PROBE_BYTES); i++) {
            if (bytes[i] == 0) {
                return List.of();
            }
        }
        Path folder = file.toAbsolutePath().getParent();
        List<Path> sources = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq >= 0) {
                try {
                    sources.add(folder.resolve(line.substring(eq + 1)).normalize());
                } catch (InvalidPathException e) {
                    // Not a path: the packer reports the line; nothing to stat here.
                }
            }
        }
        return sources;
    }

    private static String fileLine(String name, Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return "file " + name + " " + a.size() + " " + a.lastModifiedTime().toMillis();
    }

    /** Feeds one length-prefixed line, so no two different line lists hash the same bytes. */
    private static void update(MessageDigest sha, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
