package dev.bootsplice.vm;

/** Anything a handle can refer to; each object has a kernel-wide unique koid. */
interface KernelObject {
    long koid();

    /** Lowercase type name for messages, e.g. {@code "vmo"}. */
    String typeName();

    /** Called when the last handle to the object is closed. */
    void lastHandleClosed();
}
