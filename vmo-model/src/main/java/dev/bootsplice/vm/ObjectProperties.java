package dev.bootsplice.vm;

import java.nio.charset.StandardCharsets;

/**
 * {@code zx_object_set_property} / {@code zx_object_get_property} for ZX_PROP_NAME and
 * ZX_PROP_VMO_CONTENT_SIZE (zircon-vm.md §5.10), in the order of misttech/mist-os
 * {@code zircon/kernel/lib/syscalls/object.cc} {@code sys_object_set_property} and
 * {@code sys_object_get_property}: the handle is looked up for any object type with
 * SET_PROPERTY / GET_PROPERTY (BAD_HANDLE, then ACCESS_DENIED), and only then is its type checked.
 */
final class ObjectProperties {
    /** {@code ZX_MAX_NAME_LEN - 1}: the bytes of a name the kernel keeps. */
    static final int MAX_NAME_BYTES = 31;

    private final Kernel kernel;

    ObjectProperties(Kernel kernel) {
        this.kernel = kernel;
    }

    /** ZX_PROP_NAME set: the first 31 bytes of {@code name} are kept. */
    void setName(int handle, String name) {
        Vmo vmo = named(kernel.handles.resolve(handle, KernelObject.class, Rights.SET_PROPERTY));
        vmo.name = truncated(name);
    }

    /** ZX_PROP_NAME get. */
    String getName(int handle) {
        return named(kernel.handles.resolve(handle, KernelObject.class, Rights.GET_PROPERTY)).name;
    }

    /**
     * ZX_PROP_VMO_CONTENT_SIZE set ({@code VmObjectDispatcher::SetContentSize}, misttech/mist-os
     * {@code vm_object_dispatcher.cc}): NOT_SUPPORTED for physical and contiguous VMOs; no upper
     * bound; below the VMO's size the tail {@code [size, vmo size)} is zeroed with ZeroRange, whose
     * status the kernel ignores ("Determine whether failure to ZeroRange here should undo this
     * operation"), so a failed zero still sets the value. Handle rights other than SET_PROPERTY
     * play no part: a NO_WRITE child sets its content size and the zero still writes.
     */
    void setContentSize(int handle, long size) {
        Vmo vmo = vmoOf(kernel.handles.resolve(handle, KernelObject.class, Rights.SET_PROPERTY));
        if (vmo.isPhysical() || vmo.isContiguous()) {
            throw new ZxException(ZxStatus.ERR_NOT_SUPPORTED, "content size of a physical or contiguous VMO");
        }
        long vmoSize = vmo.sizeBytes();
        if (Long.compareUnsigned(size, vmoSize) < 0) {
            try {
                kernel.rangeOps().zero(vmo, size, vmoSize - size);
            } catch (ZxException ignored) {
                // SetContentSize drops ZeroRange's status (see the method contract).
            }
        }
        vmo.contentSize.bytes = size;
    }

    /** ZX_PROP_VMO_CONTENT_SIZE get. */
    long getContentSize(int handle) {
        return vmoOf(kernel.handles.resolve(handle, KernelObject.class, Rights.GET_PROPERTY)).contentSize.bytes;
    }

    /** Only VMOs carry names in the model; the other objects (events, PMTs) never hold a property right. */
    private static Vmo named(KernelObject object) {
        if (!(object instanceof Vmo)) {
            throw new ZxException(
                    ZxStatus.ERR_NOT_SUPPORTED, "names of " + object.typeName() + " objects are outside the model");
        }
        return (Vmo) object;
    }

    /** {@code DownCastDispatcher<VmObjectDispatcher>} failing → WRONG_TYPE, as object.cc does. */
    private static Vmo vmoOf(KernelObject object) {
        if (!(object instanceof Vmo)) {
            throw new ZxException(ZxStatus.ERR_WRONG_TYPE, "content size of a " + object.typeName());
        }
        return (Vmo) object;
    }

    static String truncated(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return utf8.length <= MAX_NAME_BYTES ? name : new String(utf8, 0, MAX_NAME_BYTES, StandardCharsets.UTF_8);
    }
}
