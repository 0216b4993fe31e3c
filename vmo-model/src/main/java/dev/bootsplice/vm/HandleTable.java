package dev.bootsplice.vm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The process's handle table. Handle values are never reused, so a stale handle is always
 * BAD_HANDLE; {@code 0} is {@code ZX_HANDLE_INVALID}.
 */
final class HandleTable {
    /** Handle values look like Zircon's: odd, low bits set, never zero. */
    private static final int FIRST_VALUE = 0x1003;

    private static final int VALUE_STEP = 4;

    // slots.get((value - FIRST_VALUE) / VALUE_STEP): a direct index, no boxing on the hot path.
    private final List<Handle> slots = new ArrayList<>();
    private int open;
    private final Map<KernelObject, Integer> handleCounts = new HashMap<>();
    private int nextValue = FIRST_VALUE;

    /** Creates a handle with {@code rights} as both rights and ceiling. */
    int add(KernelObject object, int rights) {
        return add(object, rights, rights);
    }

    int add(KernelObject object, int rights, int ceiling) {
        int value = nextValue;
        nextValue += VALUE_STEP;
        slots.add(new Handle(value, object, rights, ceiling));
        open++;
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
            throw new ZxException(
                    ZxStatus.ERR_ACCESS_DENIED,
                    "handle " + hex(value) + " lacks " + Rights.format(requiredRights & ~h.rights));
        }
        return type.cast(h.object);
    }

    /** @throws ZxException BAD_HANDLE when no such handle exists */
    Handle get(int value) {
        Handle h = find(value);
        if (h == null) {
            throw new ZxException(ZxStatus.ERR_BAD_HANDLE, "no handle " + hex(value));
        }
        return h;
    }

    /** Removes the handle; tells the object when it was the last one. */
    void remove(int value) {
        Handle h = get(value);
        slots.set(indexOf(value), null);
        open--;
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
            throw new ZxException(
                    ZxStatus.ERR_INVALID_ARGS, "rights " + Rights.format(rights & ~h.rights) + " not held");
        }
        return rights;
    }

    Collection<Handle> all() {
        List<Handle> out = new ArrayList<>(open);
        for (Handle h : slots) {
            if (h != null) {
                out.add(h);
            }
        }
        return out;
    }

    Handle find(int value) {
        int i = indexOf(value);
        return i >= 0 && i < slots.size() ? slots.get(i) : null;
    }

    /** The slot of a well-formed value, or -1. */
    private static int indexOf(int value) {
        int d = value - FIRST_VALUE;
        return value >= FIRST_VALUE && d % VALUE_STEP == 0 ? d / VALUE_STEP : -1;
    }

    static String hex(int value) {
        return String.format("0x%x", value);
    }
}
