package dev.bootsplice.vm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trivial reference for model-based tests: every VMO is a window onto a plain byte array.
 * A snapshot is an eager copy; a slice or reference shares the array; a transfer is memcpy
 * followed by zeroing the source range.
 */
final class ReferenceModel {
    static final int PAGE = 4096;

    static final class Storage {
        byte[] bytes;
        /** Storages linked by snapshot creation: one copy-on-write tree in the kernel. */
        List<Storage> cowGroup = new ArrayList<>(List.of(this));

        Storage(int pages) {
            bytes = new byte[pages * PAGE];
        }
    }

    static final class RefVmo {
        final int handle;
        final Storage storage;
        final int offsetPages;
        final int pages;
        final boolean slice;
        final boolean snapshot;
        RefVmo parent;
        final List<RefVmo> children = new ArrayList<>();

        RefVmo(int handle, Storage storage, int offsetPages, int pages, boolean slice, boolean snapshot) {
            this.handle = handle;
            this.storage = storage;
            this.offsetPages = offsetPages;
            this.pages = pages;
            this.slice = slice;
            this.snapshot = snapshot;
        }

        byte[] content() {
            int from = offsetPages * PAGE;
            return Arrays.copyOfRange(storage.bytes, from, from + pages * PAGE);
        }

        void write(long offset, byte[] data) {
            System.arraycopy(data, 0, storage.bytes, offsetPages * PAGE + (int) offset, data.length);
        }

        void zero(long offset, long length) {
            int from = offsetPages * PAGE + (int) offset;
            Arrays.fill(storage.bytes, from, from + (int) length, (byte) 0);
        }
    }

    final List<RefVmo> live = new ArrayList<>();
    /** Open PMTs; a pinned VMO outlives its handle until its last unpin, as in the kernel. */
    final List<Pin> pins = new ArrayList<>();
    /** VMOs whose handle was closed while pinned: still in the user-visible tree. */
    final List<RefVmo> pinnedZombies = new ArrayList<>();

    record Pin(int pmt, RefVmo vmo, int first, int count) {}

    /** Whether a page of {@code s} in [first, first+count) (storage pages) is pinned. */
    boolean pinned(Storage s, int first, int count) {
        for (Pin p : pins) {
            int pf = p.vmo().offsetPages + p.first();
            if (p.vmo().storage == s && pf < first + count && first < pf + p.count()) {
                return true;
            }
        }
        return false;
    }

    private boolean hasPins(RefVmo v) {
        for (Pin p : pins) {
            if (p.vmo() == v) {
                return true;
            }
        }
        return false;
    }

    void unpin(Pin p) {
        pins.remove(p);
        if (pinnedZombies.contains(p.vmo()) && !hasPins(p.vmo())) {
            pinnedZombies.remove(p.vmo());
            detach(p.vmo());
        }
    }

    RefVmo create(int handle, int pages) {
        RefVmo v = new RefVmo(handle, new Storage(pages), 0, pages, false, false);
        live.add(v);
        return v;
    }

    RefVmo snapshot(int handle, RefVmo parent, int offsetPages, int pages) {
        RefVmo c = new RefVmo(handle, new Storage(pages), 0, pages, false, true);
        byte[] p = parent.content();
        int from = Math.min(offsetPages * PAGE, p.length);
        int n = Math.min(pages * PAGE, p.length - from);
        System.arraycopy(p, from, c.storage.bytes, 0, n);
        c.storage.cowGroup = parent.storage.cowGroup;
        c.storage.cowGroup.add(c.storage);
        adopt(parent, c);
        return c;
    }

    /** Live storages in {@code s}'s copy-on-write tree: 2 or more means its node has a hidden parent. */
    int liveInCowGroup(Storage s) {
        int n = 0;
        for (Storage g : s.cowGroup) {
            boolean alive = false;
            for (RefVmo v : live) {
                alive |= v.storage == g;
            }
            for (RefVmo v : pinnedZombies) {
                alive |= v.storage == g;
            }
            n += alive ? 1 : 0;
        }
        return n;
    }

    RefVmo slice(int handle, RefVmo parent, int offsetPages, int pages) {
        RefVmo c = new RefVmo(handle, parent.storage, parent.offsetPages + offsetPages, pages, true, false);
        adopt(parent, c);
        return c;
    }

    RefVmo reference(int handle, RefVmo parent) {
        RefVmo c = new RefVmo(handle, parent.storage, parent.offsetPages, parent.pages, false, false);
        adopt(parent, c);
        return c;
    }

    private void adopt(RefVmo parent, RefVmo c) {
        c.parent = parent;
        parent.children.add(c);
        live.add(c);
    }

    /** The handle closes; the VMO dies unless pinned: its children re-attach to its parent (§5.9). */
    void close(RefVmo v) {
        live.remove(v);
        if (hasPins(v)) {
            pinnedZombies.add(v);
            return;
        }
        detach(v);
    }

    private void detach(RefVmo v) {
        if (v.parent != null) {
            v.parent.children.remove(v);
        }
        for (RefVmo c : v.children) {
            c.parent = v.parent;
            if (v.parent != null) {
                v.parent.children.add(c);
            }
        }
    }

    /** memcpy of the source range, then the source range reads zero (memmove for one VMO). */
    static void transfer(RefVmo dst, long offset, long length, RefVmo src, long srcOffset) {
        byte[] moved = Arrays.copyOfRange(src.content(), (int) srcOffset, (int) (srcOffset + length));
        src.zero(srcOffset, length);
        dst.write(offset, moved);
    }
}
