package dev.bootsplice.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the benchmarks find the shared corpus and keep their generated images. */
final class BenchPaths {
    /** System property naming the corpus folder (the one holding {@code realistic/core-x64.zbi}). */
    static final String CORPUS_PROPERTY = "bootsplice.corpus";
    /** Environment variable consulted when the property is not set. */
    static final String CORPUS_ENV = "BOOTSPLICE_CORPUS";
    /** System property naming the image cache folder. */
    static final String CACHE_PROPERTY = "bootsplice.bench.cache";

    private BenchPaths() {}

    /**
     * Returns the corpus folder: the property, else the environment variable, else {@code ../shared/corpus}
     * beside the project holding this jar, else {@code ../shared/corpus} from the working directory; empty
     * when none of them exists.
     */
    static Optional<Path> corpus() {
        String given = System.getProperty(CORPUS_PROPERTY, System.getenv(CORPUS_ENV));
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        Optional<Path> besideProject = buildDirectory()
                .map(target -> target.resolve("../../../shared/corpus").normalize())
                .filter(Files::isDirectory);
        if (besideProject.isPresent()) {
            return besideProject;
        }
        Path relative = Path.of("../shared/corpus").toAbsolutePath().normalize();
        return Files.isDirectory(relative) ? Optional.of(relative) : Optional.empty();
    }

    /** Returns the image cache: the property, else {@code bench-images} in the module's {@code target/}. */
    static Path cache() {
        String given = System.getProperty(CACHE_PROPERTY);
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        return buildDirectory().orElse(Path.of("target").toAbsolutePath()).resolve("bench-images");
    }

    /** Returns {@code benchmarks/target}: the folder holding {@code benchmarks.jar} or {@code classes/}. */
    private static Optional<Path> buildDirectory() {
        java.security.CodeSource source = BenchPaths.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            Path parent = Path.of(source.getLocation().toURI()).toAbsolutePath().getParent();
            boolean inTarget = parent != null
                    && parent.getFileName() != null
                    && parent.getFileName().toString().equals("target")
                    && parent.getParent() != null;
            return inTarget ? Optional.of(parent) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
