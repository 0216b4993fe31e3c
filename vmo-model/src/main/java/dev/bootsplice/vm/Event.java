package dev.bootsplice.vm;

/** An event object: exists only so that a non-VMO handle can produce WRONG_TYPE. */
final class Event implements KernelObject {
    private final long koid;

    Event(long koid) {
        this.koid = koid;
    }

    @Override
    public long koid() {
        return koid;
    }

    @Override
    public String typeName() {
        return "event";
    }

    @Override
    public void lastHandleClosed() {
        // An event holds nothing.
    }
}
