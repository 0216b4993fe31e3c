package dev.bootsplice.vm;

/**
 * {@code zx_vmo_replace_as_executable(handle, vmex, out)} in the order of misttech/mist-os
 * {@code zircon/kernel/lib/syscalls/vmo.cc} {@code sys_vmo_replace_as_executable}: the vmex
 * resource (or, for ZX_HANDLE_INVALID, the job policy ZX_POL_AMBIENT_MARK_VMO_EXEC, which the
 * model allows) is checked first but its status returned last; the handle is removed before
 * anything else can fail, so it is gone whatever the outcome; a missing handle or a non-VMO is
 * BAD_HANDLE; the new handle has the old rights plus EXECUTE.
 */
final class ExecutableReplacer {
    private final HandleTable handles;

    ExecutableReplacer(HandleTable handles) {
        this.handles = handles;
    }

    int replace(int handle, int vmex) {
        ZxStatus vmexStatus = vmexStatus(vmex);
        Handle old = handles.find(handle);
        if (old == null) {
            throw new ZxException(ZxStatus.ERR_BAD_HANDLE, "no handle " + HandleTable.hex(handle));
        }
        if (!(old.object instanceof Vmo)) {
            handles.remove(handle);
            throw new ZxException(
                    ZxStatus.ERR_BAD_HANDLE, "handle " + HandleTable.hex(handle) + " is a " + old.object.typeName());
        }
        if (vmexStatus != ZxStatus.OK) {
            handles.remove(handle);
            throw new ZxException(vmexStatus, "vmex handle " + HandleTable.hex(vmex) + " is not a VMEX resource");
        }
        // The kernel moves the dispatcher from the removed handle to the new one; adding first keeps
        // the VMO alive across the swap. EXECUTE widens the ceiling too: this is the one call that may.
        int fresh = handles.add(old.object, old.rights | Rights.EXECUTE, old.ceiling | Rights.EXECUTE);
        handles.remove(handle);
        return fresh;
    }

    /** The model has no resource objects: any vmex other than ZX_HANDLE_INVALID fails validation. */
    private ZxStatus vmexStatus(int vmex) {
        if (vmex == 0) {
            return ZxStatus.OK;
        }
        Handle h = handles.find(vmex);
        return h == null ? ZxStatus.ERR_BAD_HANDLE : ZxStatus.ERR_WRONG_TYPE;
    }
}
