package dev.bootsplice.splice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The page reads boot makes: {@link #all()} (every page of every file in directory order),
 * {@link #exec()} (the same for files under {@code bin/}, {@code lib/} and {@code driver/}) or a
 * trace file of lines {@code NAME [FIRST_PAGE [PAGE_COUNT]]} ({@code #} starts a comment; pages
 * default to the whole file, a count to the rest of it).
 */
public final class Trace {
    private enum Kind {
        ALL,
        EXEC,
        FILE
    }

    private static final List<String> EXEC_DIRS = List.of("bin/", "lib/", "driver/");

    private final String name;
    private final Kind kind;
    // only for FILE traces: the parsed lines, in order
    private final List<TraceLine> lines;

    private Trace(String name, Kind kind, List<TraceLine> lines) {
        this.name = name;
        this.kind = kind;
        this.lines = List.copyOf(lines);
    }

    /** Every page of every file, in directory order. */
    public static Trace all() {
        return new Trace("all", Kind.ALL, List.of());
    }

    /** Every page of the files under {@code bin/}, {@code lib/} and {@code driver/}. */
    public static Trace exec() {
        return new Trace("exec", Kind.EXEC, List.of());
    }

    /**
     * {@code all}, {@code exec}, or else a trace file's path, as the `--trace` option takes it.
     *
     * @throws IOException if the file cannot be read
     * @throws TraceException if the file does not parse
     */
    public static Trace of(String spec) throws IOException, TraceException {
        return switch (spec) {
            case "all" -> all();
            case "exec" -> exec();
            default -> load(Path.of(spec));
        };
    }

    /**
     * Reads a trace file.
     *
     * @throws IOException if the file cannot be read
     * @throws TraceException if a line does not parse
     */
    public static Trace load(Path file) throws IOException, TraceException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses trace text; {@code name} names the trace in reports and messages.
     *
     * @throws TraceException if a line does not parse
     */
    public static Trace parse(String name, String text) throws TraceException {
        List<TraceLine> lines = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            int hash = raw[i].indexOf('#');
            String body = (hash >= 0 ? raw[i].substring(0, hash) : raw[i]).strip();
            if (!body.isEmpty()) {
                lines.add(TraceLine.parse(name, i + 1, body));
            }
        }
        return new Trace(name, Kind.FILE, lines);
    }

    /** The trace's name in reports: {@code all}, {@code exec} or the trace file as given. */
    public String name() {
        return name;
    }

    /** Whether {@code fileName} is read by the {@code exec} trace. */
    static boolean isExec(String fileName) {
        return EXEC_DIRS.stream().anyMatch(fileName::startsWith);
    }

    /**
     * The page runs this trace reads from the spliced files (in directory order).
     *
     * @throws TraceException if a line names an unknown file or pages past its end
     */
    List<PageRun> plan(List<FileVmo> files, Map<String, FileVmo> byName) throws TraceException {
        List<PageRun> runs = new ArrayList<>();
        if (kind != Kind.FILE) {
            for (FileVmo f : files) {
                if (f.pages() > 0 && (kind == Kind.ALL || isExec(f.name()))) {
                    runs.add(new PageRun(f, 0, f.pages()));
                }
            }
            return runs;
        }
        for (TraceLine line : lines) {
            runs.add(line.resolve(name, byName));
        }
        return runs;
    }
}
