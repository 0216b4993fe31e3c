package dev.bootsplice.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared corpus of reference images; tests that need it skip when it is not there. */
final class Corpus {
    private Corpus() {}

    /** Returns the corpus folder, or skips the calling test when it is missing. */
    static Path root() {
        Path root = Path.of(System.getProperty("bootsplice.corpus", "../../shared/corpus"));
        assumeTrue(
                Files.isDirectory(root.resolve("expected")),
                "shared corpus not found at " + root + " (clone without ../shared)");
        return root;
    }

    /** Returns the image an oracle file {@code expected/DIR_NAME.*} describes. */
    static Path imageFor(Path oracle) {
        String base = oracle.getFileName().toString().replaceFirst("\\.(list\\.txt|files\\.sha256)$", "");
        int sep = base.indexOf('_');
        return oracle.getParent().getParent().resolve(base.substring(0, sep)).resolve(base.substring(sep + 1) + ".zbi");
    }
}
