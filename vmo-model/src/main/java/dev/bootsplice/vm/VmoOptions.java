package dev.bootsplice.vm;

/** Option bits of the VMO syscalls and {@code zx_vmo_op_range} ops (zircon-vm.md §3.3). */
public final class VmoOptions {
    /** {@code zx_vmo_create}: the VMO may be resized. */
    public static final int RESIZABLE = 1 << 1;
    /** {@code zx_vmo_create}: the VMO may be discarded under memory pressure. */
    public static final int DISCARDABLE = 1 << 2;
    /** {@code zx_vmo_create}: the VMO has the maximum size; {@code size} is its content size. */
    public static final int UNBOUNDED = 1 << 4;
    /** Pager VMO option: writes trap to the pager (accepted, not modelled). */
    public static final int TRAP_DIRTY = 1 << 3;

    public static final int CHILD_SNAPSHOT = 1 << 0;
    public static final int CHILD_RESIZABLE = 1 << 2;
    public static final int CHILD_SLICE = 1 << 3;
    public static final int CHILD_SNAPSHOT_AT_LEAST_ON_WRITE = 1 << 4;
    /** Old alias of {@link #CHILD_SNAPSHOT_AT_LEAST_ON_WRITE}. */
    public static final int CHILD_COPY_ON_WRITE = CHILD_SNAPSHOT_AT_LEAST_ON_WRITE;

    public static final int CHILD_NO_WRITE = 1 << 5;
    public static final int CHILD_REFERENCE = 1 << 6;
    public static final int CHILD_SNAPSHOT_MODIFIED = 1 << 7;

    public static final int OP_COMMIT = 1;
    public static final int OP_DECOMMIT = 2;
    public static final int OP_LOCK = 3;
    public static final int OP_UNLOCK = 4;
    public static final int OP_CACHE_SYNC = 6;
    public static final int OP_CACHE_INVALIDATE = 7;
    public static final int OP_CACHE_CLEAN = 8;
    public static final int OP_CACHE_CLEAN_INVALIDATE = 9;
    public static final int OP_ZERO = 10;
    public static final int OP_TRY_LOCK = 11;
    public static final int OP_DONT_NEED = 12;
    public static final int OP_ALWAYS_NEED = 13;
    public static final int OP_PREFETCH = 14;

    /** {@code zx_bti_pin} permission bits and flags. */
    public static final int BTI_PERM_READ = 1 << 0;

    public static final int BTI_PERM_WRITE = 1 << 1;
    public static final int BTI_PERM_EXECUTE = 1 << 2;
    public static final int BTI_COMPRESS = 1 << 3;
    public static final int BTI_CONTIGUOUS = 1 << 4;

    /** The page size of the model, 4096 bytes. */
    public static final int PAGE_SIZE = 4096;

    private VmoOptions() {}
}
