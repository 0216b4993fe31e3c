package dev.bootsplice.splice;

import dev.bootsplice.vm.CloneFlavour;
import java.util.Locale;

/** How boot code gives each BOOTFS file its own VMO (`zbi-bootfs.md` §5). */
public enum Strategy {
    /** A copy-on-write child of the BOOTFS VMO per file, split-bit clones: the old boot path. */
    CLONE("clone"),
    /** The same children under the 2024 share-count clone rework. */
    CLONE_SHARECOUNT("clone-sharecount"),
    /** A fresh VMO per file, its bytes read from the BOOTFS VMO and written. */
    COPY("copy"),
    /** A fresh VMO per file, its pages moved out of the BOOTFS VMO with zx_vmo_transfer_data. */
    TRANSFER("transfer");

    private final String cliName;

    Strategy(String cliName) {
        this.cliName = cliName;
    }

    /** The name the command line and the JSON reports use. */
    public String cliName() {
        return cliName;
    }

    /**
     * Whether the strategy moves each file's pages out of the BOOTFS VMO (2024 userboot's
     * transfer): then the files of one page range share one VMO, userboot keeps one handle and
     * hands out a duplicate, and RFC-0223's kernel refuses a source that has a parent.
     */
    public boolean movesPages() {
        return this == TRANSFER;
    }

    /**
     * The clone flavour the strategy boots with on {@code era}'s kernel: the era's, except that
     * {@code clone-sharecount} always runs on SHARE_COUNT clones.
     */
    public CloneFlavour clonesOn(KernelEra era) {
        return this == CLONE_SHARECOUNT ? CloneFlavour.SHARE_COUNT : era.clones();
    }

    /**
     * The strategy called {@code name} (its cli name, any case).
     *
     * @throws IllegalArgumentException naming the valid choices when there is none
     */
    public static Strategy parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Strategy s : values()) {
            if (s.cliName.equals(wanted)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown strategy \"" + name + "\" (expected clone, clone-sharecount, copy or transfer)");
    }
}
