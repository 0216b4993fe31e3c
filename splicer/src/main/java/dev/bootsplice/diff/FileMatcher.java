package dev.bootsplice.diff;

import dev.bootsplice.diff.ImageDiff.Changed;
import dev.bootsplice.diff.ImageDiff.FileEntry;
import dev.bootsplice.diff.ImageDiff.Renamed;
import dev.bootsplice.diff.ImageInventory.FileInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the files of two images: by name first (same content: unchanged; other content: changed),
 * then the names only one side has by content, so a non-empty file whose exact bytes reappear under
 * a new name is a rename (several candidates pair in directory order); the rest are added or removed.
 */
final class FileMatcher {
    private FileMatcher() {}

    static ImageDiff.Files match(List<FileInfo> old, List<FileInfo> neu) {
        Map<String, FileInfo> before = new LinkedHashMap<>();
        old.forEach(f -> before.put(f.name(), f));
        Map<String, FileInfo> after = new LinkedHashMap<>();
        neu.forEach(f -> after.put(f.name(), f));
        List<Changed> changed = new ArrayList<>();
        long unchanged = 0;
        for (FileInfo f : neu) {
            FileInfo was = before.get(f.name());
            if (was != null && was.sha256().equals(f.sha256())) {
                unchanged++;
            } else if (was != null) {
                changed.add(new Changed(f.name(), was.size(), f.size(), f.size() - was.size()));
            }
        }
        Map<String, Deque<FileInfo>> goneByContent = new HashMap<>();
        for (FileInfo f : old) {
            if (!after.containsKey(f.name()) && f.size() > 0) {
                goneByContent
                        .computeIfAbsent(f.sha256(), k -> new ArrayDeque<>())
                        .add(f);
            }
        }
        List<Renamed> renamed = new ArrayList<>();
        List<FileEntry> added = new ArrayList<>();
        java.util.Set<String> renamedFrom = new java.util.HashSet<>();
        for (FileInfo f : neu) {
            if (before.containsKey(f.name())) {
                continue;
            }
            Deque<FileInfo> candidates = goneByContent.get(f.sha256());
            if (f.size() > 0 && candidates != null && !candidates.isEmpty()) {
                FileInfo from = candidates.removeFirst();
                renamedFrom.add(from.name());
                renamed.add(new Renamed(from.name(), f.name(), f.size()));
            } else {
                added.add(new FileEntry(f.name(), f.size()));
            }
        }
        List<FileEntry> removed = new ArrayList<>();
        for (FileInfo f : old) {
            if (!after.containsKey(f.name()) && !renamedFrom.contains(f.name())) {
                removed.add(new FileEntry(f.name(), f.size()));
            }
        }
        return new ImageDiff.Files(added, removed, changed, renamed, unchanged);
    }
}
