package dev.bootsplice.vm;

/** A pinned memory token: the pages pinned by one {@code zx_bti_pin}, kept until unpin. */
final class Pmt implements KernelObject {
    private final long koid;
    final Vmo vmo;
    /** Node offsets of the pinned pages; empty for physical VMOs (always pinned). */
    final long first;

    final long count;
    boolean unpinned;

    Pmt(long koid, Vmo vmo, long first, long count) {
        this.koid = koid;
        this.vmo = vmo;
        this.first = first;
        this.count = count;
    }

    @Override
    public long koid() {
        return koid;
    }

    @Override
    public String typeName() {
        return "pmt";
    }

    @Override
    public void lastHandleClosed() {
        // Closing a PMT handle without unpinning leaves the pages pinned (Zircon quarantines them).
    }
}
