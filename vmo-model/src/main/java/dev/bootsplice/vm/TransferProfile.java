package dev.bootsplice.vm;

/** Which behaviour {@code zx_vmo_transfer_data} follows (zircon-vm.md §2.1). */
public enum TransferProfile {
    /** Exactly as RFC-0223: every error but NO_MEMORY leaves both VMOs unchanged. */
    RFC_0223,
    /** The shipped 2024 kernel, with the model's one documented deviation. */
    ZIRCON_2024
}
