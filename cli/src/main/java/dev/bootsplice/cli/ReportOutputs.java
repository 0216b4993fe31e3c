package dev.bootsplice.cli;

import dev.bootsplice.report.ReportFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Pairs repeated {@code --format} options with repeated {@code -o} files in order (`cli.md` profile): each
 * format goes to the matching file, or to stdout when no file is left; a file without a format takes the
 * format its extension names.
 */
final class ReportOutputs {
    /** One report to write: its format and its file (null: stdout). */
    record Target(ReportFormat format, Path file) {}

    private ReportOutputs() {}

    /**
     * Returns the targets for {@code formats} and {@code files}; text to stdout when both are empty.
     *
     * @throws IllegalArgumentException when a file has no format and its extension names none
     */
    static List<Target> pair(List<ReportFormat> formats, List<Path> files) {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < Math.max(formats.size(), files.size()); i++) {
            Path file = i < files.size() ? files.get(i) : null;
            ReportFormat format = i < formats.size()
                    ? formats.get(i)
                    : byExtension(file)
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "-o " + file + " has no matching --format and its extension"
                                            + " names none (.txt, .json, .md, .html, .xml)"));
            targets.add(new Target(format, file));
        }
        if (targets.isEmpty()) {
            targets.add(new Target(ReportFormat.TEXT, null));
        }
        return targets;
    }

    /**
     * Checks every target file before any work starts: an existing file without {@code force}, or a folder that
     * does not exist, fails now rather than after a long profile.
     *
     * @throws CommandFailure (exit 3) naming the first file that cannot be written
     */
    static void checkWritable(List<Target> targets, boolean force) {
        for (Target t : targets) {
            if (t.file() == null) {
                continue;
            }
            Path absolute = t.file().toAbsolutePath();
            if (!force && java.nio.file.Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw CommandFailure.invalidInput(t.file() + ": " + IoMessages.ALREADY_EXISTS);
            }
            if (!java.nio.file.Files.isDirectory(absolute.getParent())) {
                throw CommandFailure.invalidInput(t.file() + ": no such directory " + absolute.getParent());
            }
        }
    }

    /** Returns the format a file name's extension names, if any. */
    static Optional<ReportFormat> byExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return Optional.of(ReportFormat.JSON);
        } else if (name.endsWith(".md")) {
            return Optional.of(ReportFormat.MARKDOWN);
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Optional.of(ReportFormat.HTML);
        } else if (name.endsWith(".xml")) {
            return Optional.of(ReportFormat.JUNIT);
        } else if (name.endsWith(".txt")) {
            return Optional.of(ReportFormat.TEXT);
        }
        return Optional.empty();
    }
}
