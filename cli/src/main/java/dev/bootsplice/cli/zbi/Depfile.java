package dev.bootsplice.cli.zbi;

import dev.bootsplice.format.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;

/** A Makefile dependency file: {@code OUTPUT: INPUT...}, one rule on one line, names escaped for Make. */
public final class Depfile {
    private Depfile() {}

    /** Returns the rule text for {@code output} depending on {@code inputs} (in order, duplicates kept out). */
    public static String rule(String output, Collection<Path> inputs) {
        StringBuilder s = new StringBuilder(escape(output)).append(':');
        inputs.stream().map(Path::toString).distinct().forEach(p -> s.append(' ')
                .append(escape(p)));
        return s.append('\n').toString();
    }

    /**
     * Writes the rule to {@code depfile} atomically, replacing an older one.
     *
     * @throws IOException when it cannot be written
     */
    public static void write(Path depfile, String output, Collection<Path> inputs) throws IOException {
        byte[] text = rule(output, inputs).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(depfile, true, out -> out.write(text));
    }

    /** Escapes what Make would otherwise split or expand: spaces, {@code #}, {@code $} and backslashes before them. */
    static String escape(String name) {
        StringBuilder s = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ' || c == '#' || c == '\\' && i + 1 < name.length() && name.charAt(i + 1) == ' ') {
                s.append('\\');
            } else if (c == '$') {
                s.append('$');
            }
            s.append(c);
        }
        return s.toString();
    }
}
