package dev.bootsplice.vm;

import static dev.bootsplice.vm.VmoOptions.CHILD_NO_WRITE;
import static dev.bootsplice.vm.VmoOptions.CHILD_REFERENCE;
import static dev.bootsplice.vm.VmoOptions.CHILD_RESIZABLE;
import static dev.bootsplice.vm.VmoOptions.CHILD_SLICE;
import static dev.bootsplice.vm.VmoOptions.CHILD_SNAPSHOT;
import static dev.bootsplice.vm.VmoOptions.CHILD_SNAPSHOT_AT_LEAST_ON_WRITE;
import static dev.bootsplice.vm.VmoOptions.CHILD_SNAPSHOT_MODIFIED;

import dev.bootsplice.vm.Vmo.ChildType;

/** {@code zx_vmo_create_child}: option parsing, per-type rules and child rights (zircon-vm.md §5.2–5.8). */
final class ChildFactory {
    private final Kernel kernel;

    ChildFactory(Kernel kernel) {
        this.kernel = kernel;
    }

    /** Runs §5.2 steps 1–7; returns the child's handle. */
    int create(int handle, int options, long offset, long size) {
        long sizePages = Ranges.roundSize(size) >>> 12;
        if ((options & CHILD_NO_WRITE) != 0 && (options & CHILD_RESIZABLE) != 0) {
            throw invalid("NO_WRITE together with RESIZABLE");
        }
        boolean noWrite = (options & CHILD_NO_WRITE) != 0;
        int opts = options & ~CHILD_NO_WRITE;
        int parentRights = kernel.handles.get(handle).rights;
        Vmo parent = kernel.handles.resolve(handle, Vmo.class, Rights.DUPLICATE | Rights.READ);
        if (parent.discardable) {
            throw notSupported("children of a discardable VMO");
        }
        boolean resizable = (opts & CHILD_RESIZABLE) != 0;
        Vmo child = createTyped(parent, opts, offset, size, sizePages, resizable);
        parent.children.add(child);
        child.parent = parent;
        return kernel.handles.add(child, childRights(parentRights, child.type, resizable, noWrite));
    }

    /** §5.3 steps 2–5: SLICE, then REFERENCE, then one snapshot type; leftover bits are INVALID_ARGS. */
    private Vmo createTyped(Vmo parent, int opts, long offset, long size, long sizePages, boolean resizable) {
        if ((opts & CHILD_SLICE) != 0) {
            if ((opts & ~CHILD_SLICE) != 0) {
                throw invalid("SLICE with other options");
            }
            return createSlice(parent, offset, sizePages);
        }
        if ((opts & CHILD_REFERENCE) != 0) {
            if ((opts & ~(CHILD_REFERENCE | CHILD_RESIZABLE)) != 0) {
                throw invalid("REFERENCE with options other than RESIZABLE");
            }
            return createReference(parent, offset, size, resizable);
        }
        ChildType type = snapshotType(opts);
        int left = opts & ~bitOf(type) & ~CHILD_RESIZABLE;
        if (left != 0) {
            throw invalid("unknown or extra option bits 0x" + Integer.toHexString(left));
        }
        return new CloneFactory(kernel).create(parent, type, offset, sizePages, size, resizable);
    }

    private static ChildType snapshotType(int opts) {
        if ((opts & CHILD_SNAPSHOT) != 0) {
            return ChildType.SNAPSHOT;
        }
        if ((opts & CHILD_SNAPSHOT_AT_LEAST_ON_WRITE) != 0) {
            return ChildType.AT_LEAST_ON_WRITE;
        }
        if ((opts & CHILD_SNAPSHOT_MODIFIED) != 0) {
            return ChildType.MODIFIED;
        }
        throw invalid("no child type among the options");
    }

    private static int bitOf(ChildType type) {
        switch (type) {
            case SNAPSHOT:
                return CHILD_SNAPSHOT;
            case AT_LEAST_ON_WRITE:
                return CHILD_SNAPSHOT_AT_LEAST_ON_WRITE;
            case MODIFIED:
                return CHILD_SNAPSHOT_MODIFIED;
            default:
                throw new IllegalStateException("not a snapshot type: " + type);
        }
    }

    /** §5.5. */
    static int childRights(int parentRights, ChildType type, boolean resizable, boolean noWrite) {
        int rights = (parentRights & ~Rights.RESIZE)
                | (resizable ? Rights.RESIZE : 0)
                | Rights.GET_PROPERTY
                | Rights.SET_PROPERTY;
        boolean snapshot =
                type == ChildType.SNAPSHOT || type == ChildType.AT_LEAST_ON_WRITE || type == ChildType.MODIFIED;
        if (noWrite) {
            rights &= ~Rights.WRITE;
        } else if (snapshot) {
            rights = (rights & ~Rights.EXECUTE) | Rights.WRITE;
        }
        return rights;
    }

    private Vmo createSlice(Vmo parent, long offset, long sizePages) {
        if (!Ranges.pageAligned(offset)) {
            throw invalid("slice offset " + Ranges.hex(offset) + " not page-aligned");
        }
        if (parent.resizable) {
            throw notSupported("slice of a resizable VMO");
        }
        long offPages = offset >>> 12;
        if (!Ranges.inRange(offPages, sizePages, parent.sizePages())) {
            throw invalid(
                    "slice [" + Ranges.hex(offset) + ", +" + Ranges.hex(sizePages << 12) + ") outside the parent");
        }
        long window = parent.windowOffset + offPages;
        Vmo slice = kernel.vmos.add(
                parent.kind,
                ChildType.SLICE,
                parent.node,
                window,
                sizePages,
                false,
                false,
                new Vmo.ContentSize(sizePages << 12));
        slice.cachePolicy = parent.cachePolicy;
        return slice;
    }

    private Vmo createReference(Vmo parent, long offset, long size, boolean resizable) {
        if (offset != 0 || size != 0) {
            throw invalid("REFERENCE needs offset 0 and size 0");
        }
        if (parent.isSlice() || parent.isContiguous() || parent.isPhysical()) {
            throw notSupported("REFERENCE of a slice, contiguous or physical VMO");
        }
        if (resizable && !parent.resizable) {
            throw notSupported("RESIZABLE reference of a non-resizable VMO");
        }
        if (parent.cachePolicy != 0) {
            throw new ZxException(ZxStatus.ERR_BAD_STATE, "reference of an uncached VMO");
        }
        return kernel.vmos.add(
                parent.kind, ChildType.REFERENCE, parent.node, 0, 0, parent.resizable, false, parent.contentSize);
    }

    static ZxException invalid(String reason) {
        return new ZxException(ZxStatus.ERR_INVALID_ARGS, reason);
    }

    static ZxException notSupported(String reason) {
        return new ZxException(ZxStatus.ERR_NOT_SUPPORTED, reason);
    }
}
