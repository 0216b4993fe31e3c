package dev.bootsplice.vm;

/**
 * {@code zx_info_vmo_t} as {@code zx_object_get_info(ZX_INFO_VMO)} returns it through one handle
 * (zircon-vm.md §5.10; {@code VmObjectDispatcher::GetVmoInfo} / {@code VmoToInfoEntry},
 * misttech/mist-os {@code zircon/kernel/object/vm_object_dispatcher.cc}).
 *
 * @param koid the VMO's koid
 * @param name ZX_PROP_NAME
 * @param sizeBytes the VMO's size
 * @param parentKoid the user-visible parent's koid, 0 for none
 * @param numChildren direct user-visible children alive
 * @param committedBytes pages the VMO itself owns × 4096 (the kernel's RFC-0254 attribution also
 *     counts shared hidden pages fractionally; the model does not)
 * @param flags {@link #TYPE_PAGED} and the other flag bits
 * @param handleRights the rights of the handle the info was read through
 */
public record VmoInfo(
        long koid,
        String name,
        long sizeBytes,
        long parentKoid,
        long numChildren,
        long committedBytes,
        int flags,
        int handleRights) {
    public static final int TYPE_PAGED = 1 << 0;
    public static final int RESIZABLE = 1 << 1;
    public static final int IS_COW_CLONE = 1 << 2;
    public static final int VIA_HANDLE = 1 << 3;
    public static final int PAGER_BACKED = 1 << 5;
    public static final int CONTIGUOUS = 1 << 6;
    /** Value from zircon-vm.md §5.10, marked unverified there. */
    public static final int DISCARDABLE = 1 << 7;
    /** Value from zircon-vm.md §5.10, marked unverified there. */
    public static final int IMMUTABLE = 1 << 8;

    /** The info of {@code vmo} read through a handle with {@code rights}. */
    static VmoInfo of(Vmo vmo, int rights) {
        return new VmoInfo(
                vmo.koid(),
                vmo.name,
                vmo.sizeBytes(),
                vmo.parent == null ? 0 : vmo.parent.koid(),
                vmo.children.size(),
                vmo.ownedPages() * PhysicalMemory.PAGE_SIZE,
                flagsOf(vmo),
                rights);
    }

    private static int flagsOf(Vmo vmo) {
        int f = VIA_HANDLE;
        f |= vmo.isPhysical() ? 0 : TYPE_PAGED;
        f |= vmo.resizable ? RESIZABLE : 0;
        f |= vmo.discardable ? DISCARDABLE : 0;
        f |= vmo.isPagerBacked() ? PAGER_BACKED : 0;
        f |= vmo.isContiguous() ? CONTIGUOUS : 0;
        // child_type() == kCowClone: the three snapshot types, not slices or references
        boolean cow = vmo.type == Vmo.ChildType.SNAPSHOT
                || vmo.type == Vmo.ChildType.AT_LEAST_ON_WRITE
                || vmo.type == Vmo.ChildType.MODIFIED;
        f |= cow ? IS_COW_CLONE : 0;
        f |= vmo.immutable ? IMMUTABLE : 0;
        return f;
    }
}
