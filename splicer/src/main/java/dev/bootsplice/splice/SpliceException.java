package dev.bootsplice.splice;

import dev.bootsplice.vm.ZxException;
import dev.bootsplice.vm.ZxStatus;

/**
 * The image cannot be spliced: a BOOTFS layout that boot code would break on (partially shared
 * data ranges, rule F19) or no BOOTFS at all. Its message reads like a format error:
 * {@code entry "lib/b": data range 0x3000+0x2000 partially overlaps "lib/a" (0x2000+0x2000)}.
 */
public final class SpliceException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean memoryLimit;

    /** An error with the given one-line reason. */
    public SpliceException(String message) {
        this(message, null, false);
    }

    /** An error caused by a format error of the image. */
    public SpliceException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private SpliceException(String message, Throwable cause, boolean memoryLimit) {
        super(message, cause);
        this.memoryLimit = memoryLimit;
    }

    /**
     * The model refused a syscall while booting the image: {@code ZX_ERR_NO_MEMORY} when its
     * physical memory (bounded by the heap) cannot hold the BOOTFS, another status otherwise; the
     * reason keeps the model's words, e.g. {@code model: ZX_ERR_NO_MEMORY: physical memory limit of
     * 26214 pages reached}.
     */
    public static SpliceException fromModel(ZxException e) {
        return new SpliceException("model: " + e.getMessage(), e, e.status() == ZxStatus.ERR_NO_MEMORY);
    }

    /** Returns true when the model's physical memory limit, not the image's layout, stopped the run. */
    public boolean isMemoryLimit() {
        return memoryLimit;
    }
}
