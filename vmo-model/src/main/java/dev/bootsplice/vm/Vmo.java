package dev.bootsplice.vm;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A user-visible VMO (Zircon's {@code VmObjectPaged} / {@code VmObjectPhysical}): a view onto a
 * copy-on-write node, plus name, content size and its place in the user-visible tree.
 *
 * <p>A slice views {@code [windowOffset, windowOffset + size)} of its parent's node; a reference
 * views the whole of it; every other VMO has its own node. Physical VMOs have no node.
 */
final class Vmo implements KernelObject {
    enum Kind {
        ANONYMOUS,
        PAGER,
        PHYSICAL,
        CONTIGUOUS
    }

    enum ChildType {
        NONE,
        SNAPSHOT,
        AT_LEAST_ON_WRITE,
        MODIFIED,
        SLICE,
        REFERENCE
    }

    /** Shared by a VMO and its references (zircon-vm.md §5.2 step 6). */
    static final class ContentSize {
        long bytes;

        ContentSize(long bytes) {
            this.bytes = bytes;
        }
    }

    private final long koid;
    private final java.util.function.Consumer<Vmo> onDeath;
    final Kind kind;
    final ChildType type;
    /** Null only for physical VMOs and their slices. */
    final CowPages node;
    /** Slices: first node page of the window; 0 otherwise. */
    final long windowOffset;
    /** Slices and physical VMOs: size in pages; others use the node's size. */
    private final long fixedSize;

    final boolean resizable;
    final boolean discardable;
    final ContentSize contentSize;
    String name = "";
    /** ZX_INFO_VMO_IMMUTABLE: created as an explicit SNAPSHOT with NO_WRITE (§5.2 step 7). */
    boolean immutable;
    /** ZX_CACHE_POLICY_*: 0 cached; anything else is "uncached" for clone and ZERO rules. */
    int cachePolicy;
    /** User-visible parent (the VMO create_child was called on, or its surviving ancestor). */
    Vmo parent;

    final Set<Vmo> children = new LinkedHashSet<>();
    /** PMTs pinning this VMO keep it alive after its last handle closes. */
    int pmts;

    boolean handlesClosed;
    boolean alive = true;

    Vmo(
            long koid,
            Kind kind,
            ChildType type,
            CowPages node,
            long windowOffset,
            long fixedSize,
            boolean resizable,
            boolean discardable,
            ContentSize contentSize,
            java.util.function.Consumer<Vmo> onDeath) {
        this.koid = koid;
        this.kind = kind;
        this.type = type;
        this.node = node;
        this.windowOffset = windowOffset;
        this.fixedSize = fixedSize;
        this.resizable = resizable;
        this.discardable = discardable;
        this.contentSize = contentSize;
        this.onDeath = onDeath;
    }

    @Override
    public long koid() {
        return koid;
    }

    @Override
    public String typeName() {
        return "vmo";
    }

    @Override
    public void lastHandleClosed() {
        handlesClosed = true;
        if (pmts == 0) {
            onDeath.accept(this);
        }
    }

    /** Called by unpin; the VMO dies if this was the last thing keeping it. */
    void pmtReleased() {
        pmts--;
        if (pmts == 0 && handlesClosed) {
            onDeath.accept(this);
        }
    }

    /** Size in pages. */
    long sizePages() {
        return hasOwnSize() ? fixedSize : node.size;
    }

    /** Size in bytes; below 2^64 because sizes are capped at MAX_SIZE. */
    long sizeBytes() {
        return sizePages() * PhysicalMemory.PAGE_SIZE;
    }

    private boolean hasOwnSize() {
        return type == ChildType.SLICE || node == null;
    }

    boolean isSlice() {
        return type == ChildType.SLICE;
    }

    boolean isPhysical() {
        return kind == Kind.PHYSICAL;
    }

    boolean isContiguous() {
        return kind == Kind.CONTIGUOUS;
    }

    /** Whether this VMO's node is the root of a pager tree (its node has the page source). */
    boolean nodeHasPagerSource() {
        return node != null && node.source == CowPages.Source.PAGER;
    }

    /** Whether the root of this VMO's tree is pager-backed. */
    boolean isPagerBacked() {
        return node != null && node.inPagerTree();
    }

    /** Pages this VMO owns in its window (not counting what it sees through a parent). */
    long ownedPages() {
        if (node == null) {
            return 0;
        }
        if (!isSlice() && windowOffset == 0) {
            return node.pages.pageCount();
        }
        long n = 0;
        for (long i : node.pages.indicesInRange(windowOffset, windowOffset + sizePages())) {
            if (!node.pages.get(i).isMarker()) {
                n++;
            }
        }
        return n;
    }
}
