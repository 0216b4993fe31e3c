package dev.bootsplice.maven;

import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ItemType;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/** Turns the {@code pack} goal's parameters into library values, with the command line's syntax. */
final class PackSettings {
    private PackSettings() {}

    /** One {@code TYPE:FILE} item parameter: the item's type and its payload file. */
    record ItemSpec(ItemType type, Path file) {}

    /**
     * Parses a {@code compression} value with {@link Compression#parse}.
     *
     * @throws MojoExecutionException naming the parameter when the value is not a compression
     */
    static Compression compression(String text) throws MojoExecutionException {
        try {
            return Compression.parse(text);
        } catch (IllegalArgumentException e) {
            throw Failures.badParameter("compression", e.getMessage());
        }
    }

    /**
     * Parses one {@code TYPE:FILE} item parameter; FILE is relative to {@code basedir}.
     *
     * @throws MojoExecutionException when there is no {@code :}, no file, or TYPE is not a type name or hex code
     */
    static ItemSpec item(String spec, Path basedir) throws MojoExecutionException {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw Failures.badParameter("items", "expected TYPE:FILE, got \"" + spec + "\"");
        }
        try {
            return new ItemSpec(ItemType.parse(spec.substring(0, colon)), basedir.resolve(spec.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw Failures.badParameter("items", e.getMessage());
        }
    }

    /** Parses every {@code TYPE:FILE} item parameter, in order. */
    static List<ItemSpec> items(List<String> specs, Path basedir) throws MojoExecutionException {
        List<ItemSpec> parsed = new ArrayList<>();
        for (String spec : specs) {
            parsed.add(item(spec, basedir));
        }
        return parsed;
    }

    /**
     * The configuration lines the input stamp covers: everything that changes the packed bytes besides the
     * input files themselves, including the plugin version (a new packer may lay images out differently).
     */
    static List<String> describe(
            String pluginVersion,
            List<File> inputs,
            File kernel,
            List<String> cmdline,
            List<String> items,
            String prefix,
            Compression compression,
            boolean bootfsOnly) {
        List<String> lines = new ArrayList<>();
        lines.add("plugin " + pluginVersion);
        inputs.forEach(f -> lines.add("input " + f.getAbsolutePath()));
        lines.add("kernel " + (kernel == null ? "" : kernel.getAbsolutePath()));
        cmdline.forEach(c -> lines.add("cmdline " + c));
        items.forEach(i -> lines.add("item " + i));
        lines.add("prefix " + (prefix == null ? "" : prefix));
        lines.add("compression " + compression);
        lines.add("bootfsOnly " + bootfsOnly);
        return lines;
    }
}
