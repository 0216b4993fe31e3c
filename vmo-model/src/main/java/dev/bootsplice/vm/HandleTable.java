package dev.bootsplice.vm;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The process's handle table. Handle values are never reused, so a stale handle is always
 * BAD_HANDLE; {@code 0} is {@code ZX_HANDLE_INVALID}.
 */
final class HandleTable {
    /** Handle values look like Zircon's: odd, low bits set, never zero. */
    private static final int FIRST_VALUE = 0x1003;
    private static final int VALUE_STEP = 4;

    private final Map<Integer, Handle> handles = new HashMap<>();
    private final Map<KernelObject, Integer> handleCounts = new HashMap<>();
    private int nextValue = FIRST_VALUE;

    /** Creates a handle with {@code rights} as both rights and ceiling. */
    int add(KernelObject object, int rights) {
        return add(object, rights, rights);
    }

    int add(KernelObject object, int rights, int ceiling) {
        int value = nextValue;
        nextValue += VALUE_STEP;
        handles.put(value, new Handle(value, object, rights, ceiling));
        handleCounts.merge(object, 1, Integer::sum);
        return value;
    }

    /**
     * Resolves a handle (zircon-vm.md §4.1): BAD_HANDLE, then WRONG_TYPE, then ACCESS_DENIED.
     *
     * @throws ZxException with the first failing check's status
     */
    <T extends KernelObject> T resolve(int value, Class<T> type, int requiredRights) {
        Handle h = get(value);
        if (!type.isInstance(h.object)) {
            throw new ZxException(ZxStatus.ERR_WRONG_TYPE, "handle " + hex(value) + " is a " + h.object.typeName());
        }
        if ((h.rights & requiredRights) != requiredRights) {
            throw new ZxException(ZxStatus.ERR_ACCESS_DENIED, "handle " + hex(value) + " lacks "
                    + Rights.format(requiredRights & ~h.rights));
        }
        return type.cast(h.object);
    }

    /** @throws ZxException BAD_HANDLE when no such handle exists */
    Handle get(int value) {
        Handle h = handles.get(value);
        if (h == null) {
            throw new ZxException(ZxStatus.ERR_BAD_HANDLE, "no handle " + hex(value));
        }
        return h;
    }

    /** Removes the handle; tells the object when it was the last one. */
    void remove(int value) {
        Handle h = handles.remove(value);
        if (h == null) {
            throw new ZxException(ZxStatus.ERR_BAD_HANDLE, "no handle " + hex(value));
        }
        int left = handleCounts.merge(h.object, -1, Integer::sum);
        if (left == 0) {
            handleCounts.remove(h.object);
            h.object.lastHandleClosed();
        }
    }

    /** {@code zx_handle_duplicate}: needs DUPLICATE; {@code rights} must be a subset or SAME_RIGHTS. */
    int duplicate(int value, int rights) {
        Handle h = get(value);
        if ((h.rights & Rights.DUPLICATE) == 0) {
            throw new ZxException(ZxStatus.ERR_ACCESS_DENIED, "handle " + hex(value) + " lacks DUPLICATE");
        }
        return add(h.object, narrowed(h, rights), h.rights);
    }

    /** {@code zx_handle_replace}: on INVALID_ARGS the old handle stays valid. */
    int replace(int value, int rights) {
        Handle h = get(value);
        int fresh = add(h.object, narrowed(h, rights), h.rights);
        remove(value);
        return fresh;
    }

    private static int narrowed(Handle h, int rights) {
        if (rights == Rights.SAME_RIGHTS) {
            return h.rights;
        }
        if ((rights & ~h.rights) != 0) {
            throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "rights " + Rights.format(rights & ~h.rights) + " not held");
        }
        return rights;
    }

    Collection<Handle> all() {
        return handles.values();
    }

    static String hex(int value) {
        return String.format("0x%x", value);
    }
}
