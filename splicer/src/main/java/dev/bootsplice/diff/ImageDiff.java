package dev.bootsplice.diff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.bootsplice.diff.ImageInventory.FileInfo;
import dev.bootsplice.profile.ProfileReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two images: BOOTFS files added, removed, changed (same name, other
 * content) and renamed (a removed file's exact, non-empty content under a new name), bytes per
 * directory prefix, BOOTFS / compressed / whole-image sizes, items added and removed, and (when
 * both images were profiled) each strategy's boot-cost change. Field order is the JSON's.
 */
@JsonPropertyOrder({"old", "new", "depth", "sizes", "files", "prefixes", "items", "bootCost"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageDiff(
        Side old,
        @com.fasterxml.jackson.annotation.JsonProperty("new") Side neu,
        int depth,
        Sizes sizes,
        Files files,
        List<PrefixDelta> prefixes,
        Items items,
        List<BootCostDelta> bootCost) {

    /** One image: its path, files and size. */
    public record Side(String path, long files, long imageBytes) {}

    /** Old and new value of one size and their difference. */
    public record Delta(long old, @com.fasterxml.jackson.annotation.JsonProperty("new") long neu, long delta) {
        static Delta of(long old, long neu) {
            return new Delta(old, neu, neu - old);
        }
    }

    /** The BOOTFS (uncompressed), its stored item (compressed) and the whole image file. */
    public record Sizes(Delta bootfs, Delta compressed, Delta image) {}

    /** A file: name and size. */
    public record FileEntry(String name, long size) {}

    /** A file whose content changed under one name. */
    public record Changed(String name, long oldSize, long newSize, long delta) {}

    /** A file whose content moved to a new name. */
    public record Renamed(String from, String to, long size) {}

    /** Every file-level change, each list in directory order of the image it comes from. */
    @JsonPropertyOrder({"added", "removed", "changed", "renamed", "unchanged"})
    public record Files(
            List<FileEntry> added,
            List<FileEntry> removed,
            List<Changed> changed,
            List<Renamed> renamed,
            long unchanged) {}

    /** The bytes and files under one directory prefix ({@code bin}, {@code lib/firmware}, {@code .} for top-level files). */
    public record PrefixDelta(String prefix, long oldFiles, long newFiles, long oldBytes, long newBytes, long delta) {}

    /** Item types added and removed (items matched by type, in image order). */
    public record Items(List<String> added, List<String> removed) {}

    /** One strategy's modeled boot cost in both images. */
    public record BootCostDelta(String strategy, long oldNs, long newNs, long deltaNs, Double deltaPct) {}

    /**
     * Compares {@code old} with {@code neu}, grouping bytes by the first {@code depth} (at least 1)
     * name components of each file's directory.
     */
    public static ImageDiff between(ImageInventory old, ImageInventory neu, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, was " + depth);
        }
        Sizes sizes = new Sizes(
                Delta.of(old.bootfsBytes(), neu.bootfsBytes()),
                Delta.of(old.compressedBytes(), neu.compressedBytes()),
                Delta.of(old.imageBytes(), neu.imageBytes()));
        return new ImageDiff(
                side(old),
                side(neu),
                depth,
                sizes,
                FileMatcher.match(old.files(), neu.files()),
                prefixes(old.files(), neu.files(), depth),
                items(old, neu),
                null);
    }

    /**
     * This diff with each strategy's modeled boot cost in both images: the strategies of {@code after}
     * in its order that {@code before} profiled too.
     */
    public ImageDiff withProfiles(ProfileReport before, ProfileReport after) {
        List<BootCostDelta> deltas = new ArrayList<>();
        for (ProfileReport.StrategyReport s : after.strategies()) {
            before.strategy(s.name()).ifPresent(o -> {
                long a = o.bootCost().modeledNs();
                long b = s.bootCost().modeledNs();
                deltas.add(new BootCostDelta(s.name(), a, b, b - a, a == 0 ? null : 100.0 * (b - a) / a));
            });
        }
        return new ImageDiff(old, neu, depth, sizes, files, prefixes, items, List.copyOf(deltas));
    }

    private static Side side(ImageInventory i) {
        return new Side(i.path(), i.files().size(), i.imageBytes());
    }

    /** The directory prefix of {@code name} cut to {@code depth} components; "." for a top-level file. */
    static String prefix(String name, int depth) {
        int slash = -1;
        for (int i = 0; i < depth; i++) {
            int next = name.indexOf('/', slash + 1);
            if (next < 0) {
                break;
            }
            slash = next;
        }
        return slash < 0 ? "." : name.substring(0, slash);
    }

    private static List<PrefixDelta> prefixes(List<FileInfo> old, List<FileInfo> neu, int depth) {
        Map<String, long[]> sums = new java.util.TreeMap<>();
        for (FileInfo f : old) {
            long[] s = sums.computeIfAbsent(prefix(f.name(), depth), k -> new long[4]);
            s[0]++;
            s[2] += f.size();
        }
        for (FileInfo f : neu) {
            long[] s = sums.computeIfAbsent(prefix(f.name(), depth), k -> new long[4]);
            s[1]++;
            s[3] += f.size();
        }
        List<PrefixDelta> out = new ArrayList<>();
        sums.forEach((p, s) -> out.add(new PrefixDelta(p, s[0], s[1], s[2], s[3], s[3] - s[2])));
        return out;
    }

    private static Items items(ImageInventory old, ImageInventory neu) {
        Map<String, Integer> before = new LinkedHashMap<>();
        old.items().forEach(i -> before.merge(i.type(), 1, Integer::sum));
        List<String> added = new ArrayList<>();
        for (ImageInventory.Item i : neu.items()) {
            if (before.getOrDefault(i.type(), 0) > 0) {
                before.merge(i.type(), -1, Integer::sum);
            } else {
                added.add(i.type());
            }
        }
        List<String> removed = new ArrayList<>();
        before.forEach((type, n) -> {
            for (int k = 0; k < n; k++) {
                removed.add(type);
            }
        });
        return new Items(added, removed);
    }

    /**
     * The diff's numbers by dotted name, the metrics `diff --fail-on` budgets name: {@code files.added},
     * {@code files.removed}, {@code files.changed}, {@code files.renamed}, {@code files.count.delta},
     * {@code bootfs.bytes.delta}, {@code compressed.bytes.delta}, {@code image.bytes.delta} (and
     * {@code .old}/{@code .new} of the three sizes), {@code items.added}, {@code items.removed},
     * {@code prefix[P].bytes.delta} per prefix, {@code STRATEGY.bootCost.modeledNs.delta} and
     * {@code ...deltaPct} with profiles.
     */
    @JsonIgnore
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("files.added", (double) files.added().size());
        m.put("files.removed", (double) files.removed().size());
        m.put("files.changed", (double) files.changed().size());
        m.put("files.renamed", (double) files.renamed().size());
        m.put("files.count.delta", (double) (neu.files() - old.files()));
        put(m, "bootfs.bytes", sizes.bootfs());
        put(m, "compressed.bytes", sizes.compressed());
        put(m, "image.bytes", sizes.image());
        m.put("items.added", (double) items.added().size());
        m.put("items.removed", (double) items.removed().size());
        prefixes.forEach(p -> m.put("prefix[" + p.prefix() + "].bytes.delta", (double) p.delta()));
        if (bootCost != null) {
            for (BootCostDelta b : bootCost) {
                m.put(b.strategy() + ".bootCost.modeledNs.delta", (double) b.deltaNs());
                if (b.deltaPct() != null) {
                    m.put(b.strategy() + ".bootCost.modeledNs.deltaPct", b.deltaPct());
                }
            }
        }
        return m;
    }

    private static void put(Map<String, Double> m, String name, Delta d) {
        m.put(name + ".old", (double) d.old());
        m.put(name + ".new", (double) d.neu());
        m.put(name + ".delta", (double) d.delta());
    }
}
