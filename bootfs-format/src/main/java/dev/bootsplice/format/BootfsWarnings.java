package dev.bootsplice.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The BOOTFS rules zbitl does not enforce, reported as warnings: F12, F14–F21 (spec §3.3). */
final class BootfsWarnings {
    static final String F12 = "offset+size too large";
    static final String F14 = "empty filename";
    static final String F15 = "bad filename encoding";
    static final String F16 = "bad path component";
    static final String F17 = "duplicate filename";
    static final String F18 = "directory not sorted";
    static final String F19 = "partially shared data range";
    static final String F20 = "file overlaps directory";
    static final String F21 = "reserved field nonzero";

    private BootfsWarnings() {}

    /** Returns the warnings for a directory that passed F1–F11, in a deterministic order. */
    static List<Problem> collect(ByteBuffer dir, long capacity, long dirsize, List<BootfsEntry> entries) {
        List<Problem> out = new ArrayList<>();
        if (dir.getInt(8) != 0 || dir.getInt(12) != 0) {
            out.add(warning(null, 0, F21));
        }
        long dataStart = ZbiConstants.pageAlign(ZbiConstants.BOOTFS_HEADER_SIZE + dirsize);
        Set<String> seen = new HashSet<>();
        for (BootfsEntry e : entries) {
            perEntry(dir, capacity, dataStart, e, seen, out);
        }
        unsorted(entries, out);
        partialOverlaps(entries, out);
        return List.copyOf(out);
    }

    private static void perEntry(
            ByteBuffer dir, long capacity, long dataStart, BootfsEntry e, Set<String> seen, List<Problem> out) {
        if (!(e.dataOffset() < capacity && capacity - e.dataOffset() >= e.dataLength())) {
            out.add(warning(e, F12));
        }
        if (e.name().isEmpty()) {
            out.add(warning(e, F14));
        } else {
            if (!wellEncoded(dir, e)) {
                out.add(warning(e, F15));
            }
            for (String part : e.name().split("/", -1)) {
                if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                    out.add(warning(e, F16));
                    break;
                }
            }
        }
        if (!seen.add(e.name())) {
            out.add(warning(e, F17));
        }
        if (e.dataLength() != 0 && e.dataOffset() < dataStart) {
            out.add(warning(e, F20));
        }
    }

    /** F15: the name bytes (without the terminator) are valid UTF-8 with no NUL. */
    private static boolean wellEncoded(ByteBuffer dir, BootfsEntry e) {
        int at = (int) e.direntOffset() + ZbiConstants.BOOTFS_DIRENT_FIXED_SIZE;
        int len = dir.getInt((int) e.direntOffset()) - 1;
        ByteBuffer name = dir.slice(at, len);
        for (int i = 0; i < len; i++) {
            if (name.get(i) == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(name);
            return true;
        } catch (CharacterCodingException ex) {
            return false;
        }
    }

    /** F18: one warning, at the first entry out of the tool's order, when neither order holds. */
    private static void unsorted(List<BootfsEntry> entries, List<Problem> out) {
        int brokenComponentWise = firstOutOfOrder(entries, BootfsOrder.COMPONENT_WISE);
        if (brokenComponentWise >= 0 && firstOutOfOrder(entries, BootfsOrder.BYTE_WISE) >= 0) {
            out.add(warning(entries.get(brokenComponentWise), F18));
        }
    }

    private static int firstOutOfOrder(List<BootfsEntry> entries, Comparator<String> order) {
        for (int i = 1; i < entries.size(); i++) {
            if (order.compare(entries.get(i - 1).name(), entries.get(i).name()) > 0) {
                return i;
            }
        }
        return -1;
    }

    /** F19: non-empty page-rounded ranges must be identical or disjoint. */
    private static void partialOverlaps(List<BootfsEntry> entries, List<Problem> out) {
        List<BootfsEntry> ranges = new ArrayList<>();
        for (BootfsEntry e : entries) {
            if (e.dataLength() != 0) {
                ranges.add(e);
            }
        }
        ranges.sort(Comparator.comparingLong(BootfsEntry::dataOffset)
                .thenComparingLong(BootfsEntry::pageAlignedEnd)
                .thenComparingLong(BootfsEntry::direntOffset));
        long prevStart = -1;
        long prevEnd = -1;
        long maxEnd = -1;
        for (BootfsEntry e : ranges) {
            boolean same = e.dataOffset() == prevStart && e.pageAlignedEnd() == prevEnd;
            if (!same && e.dataOffset() < maxEnd) {
                out.add(warning(e, F19));
            }
            prevStart = e.dataOffset();
            prevEnd = e.pageAlignedEnd();
            maxEnd = Math.max(maxEnd, prevEnd);
        }
    }

    private static Problem warning(BootfsEntry e, String reason) {
        return warning(e.name(), e.direntOffset(), reason);
    }

    private static Problem warning(String entry, long offset, String reason) {
        return new Problem(Severity.WARNING, -1, entry, offset, reason);
    }
}
