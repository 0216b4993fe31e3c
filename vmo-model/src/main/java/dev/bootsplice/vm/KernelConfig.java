package dev.bootsplice.vm;

import java.util.Objects;

/**
 * The model's semantic choices and its physical memory budget.
 *
 * @param profile the {@code zx_vmo_transfer_data} behaviour
 * @param clones the copy-on-write clone flavour
 * @param memoryLimitPages pages that may be in use at once; negative means bounded only by the heap
 */
public record KernelConfig(TransferProfile profile, CloneFlavour clones, long memoryLimitPages) {
    public KernelConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(clones, "clones");
    }

    /** RFC_0223, LEGACY_CHAIN, no page limit. */
    public static KernelConfig defaults() {
        return new KernelConfig(TransferProfile.RFC_0223, CloneFlavour.LEGACY_CHAIN, -1);
    }

    /** This configuration with another transfer profile. */
    public KernelConfig withProfile(TransferProfile p) {
        return new KernelConfig(p, clones, memoryLimitPages);
    }

    /** This configuration with another clone flavour. */
    public KernelConfig withClones(CloneFlavour c) {
        return new KernelConfig(profile, c, memoryLimitPages);
    }

    /** This configuration with another page limit (negative: none). */
    public KernelConfig withMemoryLimitPages(long pages) {
        return new KernelConfig(profile, clones, pages);
    }
}
