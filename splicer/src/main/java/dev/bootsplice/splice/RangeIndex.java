package dev.bootsplice.splice;

import dev.bootsplice.format.BootfsEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The BOOTFS data ranges keyed as component_manager keys them (`zbi-bootfs.md` §5.5): by
 * page-aligned range {@code [data_off, data_off + pageAlign(data_len))}. Files with one key share
 * one VMO; ranges that overlap without being equal (rule F19) are refused.
 */
final class RangeIndex {
    /** A page-aligned range; empty files have length 0 and never overlap anything. */
    record Range(long offset, long length) {
        static Range of(BootfsEntry e) {
            return new Range(e.dataOffset(), FileVmo.pagesOf(e.dataLength()) * FileVmo.PAGE);
        }

        long end() {
            return offset + length;
        }

        @Override
        public String toString() {
            return String.format("0x%x+0x%x", offset, length);
        }
    }

    // the first file (in directory order) of every distinct range
    private final Map<Range, BootfsEntry> owners = new HashMap<>();

    private RangeIndex() {}

    /**
     * Indexes the entries' ranges.
     *
     * @throws SpliceException if two ranges partially overlap, or share a range with different sizes
     */
    static RangeIndex of(List<BootfsEntry> entries) throws SpliceException {
        RangeIndex index = new RangeIndex();
        for (BootfsEntry e : entries) {
            BootfsEntry first = index.owners.putIfAbsent(Range.of(e), e);
            if (first != null && first.dataLength() != e.dataLength()) {
                throw new SpliceException("entry \"" + e.name() + "\": shares data range " + Range.of(e)
                        + " with \"" + first.name() + "\" but its size " + e.dataLength() + " differs from "
                        + first.dataLength() + " (component_manager requires equal sizes)");
            }
        }
        index.checkDisjoint();
        return index;
    }

    private void checkDisjoint() throws SpliceException {
        List<Map.Entry<Range, BootfsEntry>> ranges = new ArrayList<>(owners.entrySet());
        ranges.removeIf(r -> r.getKey().length() == 0);
        ranges.sort(Comparator.comparingLong(
                        (Map.Entry<Range, BootfsEntry> r) -> r.getKey().offset())
                .thenComparingLong(r -> r.getKey().length()));
        for (int i = 1; i < ranges.size(); i++) {
            Range before = ranges.get(i - 1).getKey();
            Range after = ranges.get(i).getKey();
            if (after.offset() < before.end()) {
                throw new SpliceException("entry \"" + ranges.get(i).getValue().name() + "\": data range "
                        + after + " partially overlaps \""
                        + ranges.get(i - 1).getValue().name() + "\" ("
                        + before + "); partially shared data ranges (rule F19) cannot be spliced");
            }
        }
    }

    /** The first file in directory order with {@code e}'s range ({@code e} itself if it is first). */
    BootfsEntry owner(BootfsEntry e) {
        return owners.get(Range.of(e));
    }
}
