package dev.bootsplice.vm;

/** A syscall of the model returned a status other than {@code ZX_OK}. */
public final class ZxException extends RuntimeException {
    private final ZxStatus status;

    /** Creates an exception for {@code status}, with a short lowercase reason. */
    public ZxException(ZxStatus status, String reason) {
        super(status.zxName() + ": " + reason, null, false, false);
        this.status = status;
    }

    /** The status the syscall returned. */
    public ZxStatus status() {
        return status;
    }
}
