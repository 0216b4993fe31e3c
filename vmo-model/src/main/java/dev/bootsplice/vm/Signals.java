package dev.bootsplice.vm;

/**
 * Object signals the model asserts, and {@code zx_object_wait_one} with the deadline
 * ZX_TIME_INFINITE_PAST: the handle needs WAIT; the call reports the signals asserted now, and is
 * TIMED_OUT when none of the awaited ones is (misttech/mist-os
 * {@code zircon/kernel/lib/syscalls/object_wait.cc} {@code sys_object_wait_one}).
 */
public final class Signals {
    /**
     * {@code ZX_VMO_ZERO_CHILDREN} ({@code __ZX_OBJECT_SIGNALED}): asserted while a VMO has no
     * user-visible children (zircon-vm.md §5.9).
     */
    public static final int VMO_ZERO_CHILDREN = 1 << 3;

    private Signals() {}

    /** The signals {@code object} asserts now; only VMOs assert any in the model. */
    static int asserted(KernelObject object) {
        if (object instanceof Vmo && ((Vmo) object).children.isEmpty()) {
            return VMO_ZERO_CHILDREN;
        }
        return 0;
    }

    /** wait_one with a past deadline. @throws ZxException BAD_HANDLE, ACCESS_DENIED (WAIT), TIMED_OUT */
    static int waitOne(HandleTable handles, int handle, int signals) {
        int observed = asserted(handles.resolve(handle, KernelObject.class, Rights.WAIT));
        if ((observed & signals) == 0) {
            throw new ZxException(
                    ZxStatus.ERR_TIMED_OUT,
                    "none of the awaited signals 0x" + Integer.toHexString(signals) + " is asserted (observed 0x"
                            + Integer.toHexString(observed) + ")");
        }
        return observed;
    }
}
