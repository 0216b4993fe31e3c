package dev.bootsplice.cli;

import dev.bootsplice.cli.zbi.ZbiTool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.jar.JarFile;

/**
 * The launcher's class-data-sharing training run: copies zstd-jni's native library for this platform out of
 * the jar once (so later runs load it from {@code ZstdNativePath} instead of extracting it to a temporary
 * file each time), then runs the everyday commands in one JVM on a small generated image, so the archive
 * recorded at exit holds the classes of all of them, not only of one command.
 * Usage: {@code java -XX:ArchiveClassesAtExit=A -cp bootsplice.jar dev.bootsplice.cli.Training WORKDIR NATIVE}.
 */
public final class Training {
    private Training() {}

    /** Runs the training in {@code args[0]} and writes the native library to {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        Path work = Path.of(args[0]);
        if (args.length > 1) {
            Path lib = extractZstd(Path.of(args[1]));
            if (lib != null) {
                System.setProperty("ZstdNativePath", lib.toString());
            }
        }
        String image = work.resolve("train.zbi").toString();
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
        PrintStream stream = new PrintStream(OutputStream.nullOutputStream());
        Main.run(new String[] {"generate", "-o", image, "--files=40", "--size=256KiB", "--kernel"}, sink, sink);
        Launcher.quick(new String[] {"list", image}, sink, sink);
        Launcher.quick(new String[] {"list", "--json", image}, sink, sink);
        Launcher.quick(new String[] {"list", "--format=zbi", image, "bin/*"}, sink, sink);
        Launcher.quick(new String[] {"verify", image}, sink, sink);
        Launcher.quick(
                new String[] {"extract", image, "-o", work.resolve("tree").toString()}, sink, sink);
        Launcher.quick(
                new String[] {
                    "pack",
                    "-o",
                    work.resolve("packed.zbi").toString(),
                    work.resolve("tree").toString()
                },
                sink,
                sink);
        ZbiTool.run(new String[] {"-t", "-v", image}, stream, stream);
        ZbiTool.run(
                new String[] {
                    "-o",
                    work.resolve("zbi.zbi").toString(),
                    "-d",
                    work.resolve("zbi.d").toString(),
                    "-j",
                    work.resolve("zbi.json").toString(),
                    work.resolve("tree").toString()
                },
                stream,
                stream);
        ZbiTool.run(new String[] {"-x", "-D", work.resolve("x").toString(), image}, stream, stream);
        sink.flush();
    }

    /** Copies {@code OS/ARCH/libzstd-jni-*.so} out of the jar to {@code target}; null when there is none. */
    static Path extractZstd(Path target) throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).replace(' ', '_');
        String dir = (os.startsWith("win") ? "win" : os.startsWith("mac") ? "darwin" : os) + "/"
                + System.getProperty("os.arch") + "/";
        Path jar = Path.of(Training.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath());
        try (JarFile j = new JarFile(jar.toFile())) {
            var entry = j.stream()
                    .filter(e -> e.getName().startsWith(dir) && e.getName().contains("libzstd-jni"))
                    .findFirst()
                    .orElse(null);
            if (entry == null) {
                return null;
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "libzstd", ".tmp");
            try (InputStream in = j.getInputStream(entry)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
    }
}
