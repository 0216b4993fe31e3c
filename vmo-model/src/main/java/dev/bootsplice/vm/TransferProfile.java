package dev.bootsplice.vm;

/** Which behaviour {@code zx_vmo_transfer_data} follows (zircon-vm.md §2.1). */
public enum TransferProfile {
    /** Exactly as RFC-0223: every error but NO_MEMORY leaves both VMOs unchanged. */
    RFC_0223,
    /**
     * The shipped kernel with no deviation: the source range is taken before the destination is
     * checked, so a destination-side error loses the source data (§2.1(b), §8.2).
     */
    ZIRCON_2024
}
