package dev.bootsplice.vm;

/** Zircon status codes used by the model, with their numeric values (zircon-vm.md §3.1). */
public enum ZxStatus {
    OK(0),
    ERR_INTERNAL(-1),
    ERR_NOT_SUPPORTED(-2),
    ERR_NO_RESOURCES(-3),
    ERR_NO_MEMORY(-4),
    ERR_INVALID_ARGS(-10),
    ERR_BAD_HANDLE(-11),
    ERR_WRONG_TYPE(-12),
    ERR_OUT_OF_RANGE(-14),
    ERR_BUFFER_TOO_SMALL(-15),
    ERR_BAD_STATE(-20),
    ERR_TIMED_OUT(-21),
    ERR_SHOULD_WAIT(-22),
    ERR_NOT_FOUND(-25),
    ERR_UNAVAILABLE(-28),
    ERR_ACCESS_DENIED(-30);

    private final int value;

    ZxStatus(int value) {
        this.value = value;
    }

    /** The numeric {@code zx_status_t}. */
    public int value() {
        return value;
    }

    /** The C name, e.g. {@code ZX_ERR_BAD_STATE} or {@code ZX_OK}. */
    public String zxName() {
        return "ZX_" + name();
    }

    /**
     * Parses a status name with or without the {@code ZX_} prefix ({@code OK}, {@code ERR_BAD_STATE},
     * {@code ZX_ERR_BAD_STATE}).
     *
     * @throws IllegalArgumentException if the name is not a status of this enum
     */
    public static ZxStatus parse(String name) {
        String bare = name.startsWith("ZX_") ? name.substring(3) : name;
        for (ZxStatus s : values()) {
            if (s.name().equals(bare)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status " + name);
    }
}
