package dev.bootsplice.vm;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * A sparse map from page index to {@link Slot}: open addressing with linear probing over a
 * {@code long[]} of keys and a parallel {@code Slot[]}, so a lookup is a multiply, a mask and
 * usually one probe, with no boxing. Deletion shifts entries back (no tombstones).
 */
final class PageList {
    private static final long PHI = 0x9E3779B97F4A7C15L;
    private static final int MIN_CAPACITY = 8;

    // null until the first insertion, so the many empty nodes of a long clone chain cost nothing.
    private long[] keys;
    private Slot[] slots;
    private int size;
    // pages (non-marker entries) held, kept so ownedPages() is O(1).
    private long pageCount;
    private int shift;

    int size() {
        return size;
    }

    long pageCount() {
        return pageCount;
    }

    boolean isEmpty() {
        return size == 0;
    }

    Slot get(long index) {
        if (size == 0) {
            return null;
        }
        int mask = slots.length - 1;
        for (int i = home(index); ; i = (i + 1) & mask) {
            Slot s = slots[i];
            if (s == null || keys[i] == index) {
                return s;
            }
        }
    }

    /** Stores {@code slot} at {@code index}; returns the entry it replaced, or null. */
    Slot put(long index, Slot slot) {
        if (slots == null) {
            allocate(MIN_CAPACITY);
        } else if ((size + 1) * 4L > slots.length * 3L) {
            rehash(slots.length * 2);
        }
        int mask = slots.length - 1;
        int i = home(index);
        while (slots[i] != null && keys[i] != index) {
            i = (i + 1) & mask;
        }
        Slot old = slots[i];
        keys[i] = index;
        slots[i] = slot;
        if (old == null) {
            size++;
        } else if (!old.isMarker()) {
            pageCount--;
        }
        if (!slot.isMarker()) {
            pageCount++;
        }
        return old;
    }

    /** Grows the table once so that {@code entries} entries fit without rehashing on the way. */
    void reserve(long entries) {
        long needed = Math.max(MIN_CAPACITY, Long.highestOneBit(Math.max(1, entries * 4 / 3)) << 1);
        if (needed > 1 << 30 || (slots != null && needed <= slots.length)) {
            return;
        }
        if (slots == null) {
            allocate((int) needed);
        } else {
            rehash((int) needed);
        }
    }

    /** Removes and returns the entry at {@code index}, or null. */
    Slot remove(long index) {
        if (size == 0) {
            return null;
        }
        int mask = slots.length - 1;
        int i = home(index);
        while (slots[i] != null && keys[i] != index) {
            i = (i + 1) & mask;
        }
        Slot old = slots[i];
        if (old == null) {
            return null;
        }
        shiftBack(i, mask);
        size--;
        if (!old.isMarker()) {
            pageCount--;
        }
        return old;
    }

    /** Tells the list that {@code slot}, already stored, changed between Page and Marker. */
    void recount(boolean wasMarker, Slot slot) {
        if (wasMarker && !slot.isMarker()) {
            pageCount++;
        } else if (!wasMarker && slot.isMarker()) {
            pageCount--;
        }
    }

    private void shiftBack(int hole, int mask) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            if (slots[i] == null) {
                break;
            }
            int h = home(keys[i]);
            // Move entry i into the hole if its home is not cyclically inside (hole, i].
            boolean stays = hole <= i ? (hole < h && h <= i) : (hole < h || h <= i);
            if (!stays) {
                keys[hole] = keys[i];
                slots[hole] = slots[i];
                hole = i;
            }
        }
        slots[hole] = null;
    }

    /** Every index in [lo, hi) that holds an entry, ascending. */
    long[] indicesInRange(long lo, long hi) {
        if (size == 0 || hi <= lo) {
            return new long[0];
        }
        long[] out;
        int n = 0;
        if (hi - lo <= size * 2L) {
            out = new long[(int) Math.min(size, hi - lo)];
            for (long k = lo; k < hi && n < out.length; k++) {
                if (get(k) != null) {
                    out[n++] = k;
                }
            }
            return Arrays.copyOf(out, n);
        }
        out = new long[size];
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null && keys[i] >= lo && keys[i] < hi) {
                out[n++] = keys[i];
            }
        }
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    /** Whether any entry lies in [lo, hi). */
    boolean anyInRange(long lo, long hi) {
        if (size == 0 || hi <= lo) {
            return false;
        }
        if (hi - lo <= size) {
            for (long k = lo; k < hi; k++) {
                if (get(k) != null) {
                    return true;
                }
            }
            return false;
        }
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null && keys[i] >= lo && keys[i] < hi) {
                return true;
            }
        }
        return false;
    }

    /** Calls {@code action} for every entry, in no particular order; the list must not change. */
    void forEach(BiConsumer<Long, Slot> action) {
        if (size == 0) {
            return;
        }
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null) {
                action.accept(keys[i], slots[i]);
            }
        }
    }

    /** Every index holding an entry, ascending. */
    long[] indices() {
        return indicesInRange(0, Long.MAX_VALUE);
    }

    private int home(long index) {
        return (int) ((index * PHI) >>> shift);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        slots = new Slot[capacity];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        Slot[] oldSlots = slots;
        allocate(capacity);
        int mask = capacity - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] != null) {
                int i = home(oldKeys[j]);
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                slots[i] = oldSlots[j];
            }
        }
    }
}
