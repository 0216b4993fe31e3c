package dev.bootsplice.vm;

/** A handle: an object plus rights; {@code ceiling} is the rights of the handle it came from. */
final class Handle {
    final int value;
    final KernelObject object;
    final int rights;
    /** Invariant: {@code (rights & ~ceiling) == 0}; checked by checkInvariants. */
    final int ceiling;

    Handle(int value, KernelObject object, int rights, int ceiling) {
        this.value = value;
        this.object = object;
        this.rights = rights;
        this.ceiling = ceiling;
    }
}
