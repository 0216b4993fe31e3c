package dev.bootsplice.splice;

import dev.bootsplice.vm.CloneFlavour;
import dev.bootsplice.vm.TransferProfile;
import java.util.Locale;

/**
 * A Zircon kernel the boot scenario runs on, as the historically matching transfer profile and
 * clone flavour of `zircon-vm.md` §2.2: 2023 = RFC_0223 + LEGACY_CHAIN (the kernel RFC-0223 was
 * written against), 2024 = ZIRCON_2024 + SHARE_COUNT (shipped), 2025 = ZIRCON_2024 +
 * PARENT_CONTENT.
 */
public enum KernelEra {
    /** RFC-0223 transfers on split-bit clone chains. */
    K2023("2023", TransferProfile.RFC_0223, CloneFlavour.LEGACY_CHAIN),
    /** The shipped transfer code on share-count clones. */
    K2024("2024", TransferProfile.ZIRCON_2024, CloneFlavour.SHARE_COUNT),
    /** The shipped transfer code on ParentContent-marker clones. */
    K2025("2025", TransferProfile.ZIRCON_2024, CloneFlavour.PARENT_CONTENT);

    private final String cliName;
    private final TransferProfile profile;
    private final CloneFlavour clones;

    KernelEra(String cliName, TransferProfile profile, CloneFlavour clones) {
        this.cliName = cliName;
        this.profile = profile;
        this.clones = clones;
    }

    /** The name the command line and the reports use: {@code 2023}, {@code 2024} or {@code 2025}. */
    public String cliName() {
        return cliName;
    }

    /** The transfer profile of this kernel. */
    public TransferProfile profile() {
        return profile;
    }

    /** The clone flavour of this kernel. */
    public CloneFlavour clones() {
        return clones;
    }

    /**
     * The kernel called {@code name} ({@code 2023}, {@code 2024} or {@code 2025}).
     *
     * @throws IllegalArgumentException naming the valid choices
     */
    public static KernelEra parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (KernelEra k : values()) {
            if (k.cliName.equals(wanted)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kernel \"" + name + "\" (expected 2023, 2024 or 2025)");
    }
}
