package dev.bootsplice.format;

import java.util.List;

/** The bootable-image rules of spec §1.10: the newest tool's and the 2018–2020 "complete" ones. */
final class BootRules {
    private BootRules() {}

    /** Non-empty, first item a kernel, and of {@code kernelType} when that is given. */
    static Bootability newest(List<ZbiItem> items, ItemType kernelType) {
        String reason = kernelFirst(items, kernelType);
        return reason == null ? new Bootability(true, Bootability.BOOTABLE_REASON) : new Bootability(false, reason);
    }

    /** As {@link #newest}, and exactly one STORAGE_BOOTFS item. */
    static Bootability complete2020(List<ZbiItem> items, ItemType kernelType) {
        String reason = kernelFirst(items, kernelType);
        if (reason == null) {
            long bootfs =
                    items.stream().filter(i -> i.type().equals(ItemType.BOOTFS)).count();
            reason = bootfs == 0 ? "no /boot BOOTFS item" : bootfs > 1 ? "multiple BOOTFS items" : null;
        }
        return reason == null ? new Bootability(true, Bootability.BOOTABLE_REASON) : new Bootability(false, reason);
    }

    private static String kernelFirst(List<ZbiItem> items, ItemType kernelType) {
        if (items.isEmpty()) {
            return "empty ZBI";
        }
        ItemType first = items.get(0).type();
        if (!first.isKernel()) {
            return "first item not KERNEL";
        }
        if (kernelType != null && !first.equals(kernelType)) {
            return "kernel arch mismatch";
        }
        return null;
    }
}
