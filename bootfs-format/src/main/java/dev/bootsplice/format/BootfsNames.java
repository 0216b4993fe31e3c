package dev.bootsplice.format;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/** Validation and ordering of BOOTFS file names (spec §2.4, §2.8). */
final class BootfsNames {
    /** Longest name in bytes: {@code ZBI_BOOTFS_MAX_NAME_LEN} minus the NUL terminator. */
    static final int MAX_NAME_BYTES = ZbiConstants.BOOTFS_MAX_NAME_LEN - 1;

    /**
     * The reference tool's order: per path component, components compared as unsigned bytes, a shorter
     * component first. Equivalent to a byte-wise comparison in which {@code /} sorts below every other byte.
     */
    static final Comparator<String> ORDER = BootfsNames::compare;

    private BootfsNames() {}

    /**
     * Checks that {@code name} can be a BOOTFS entry name and returns its UTF-8 bytes.
     *
     * @throws UsageException naming the rule when it is empty, absolute, too long, has an empty, {@code .} or
     *     {@code ..} component, a NUL, or is not valid Unicode
     */
    static byte[] validate(String name) throws UsageException {
        if (name.isEmpty()) {
            throw new UsageException("empty BOOTFS name");
        }
        if (name.startsWith("/")) {
            throw new UsageException("BOOTFS name \"" + name + "\" must be relative (no leading slash)");
        }
        if (name.indexOf('\0') >= 0) {
            throw new UsageException("BOOTFS name \"" + name.replace('\0', '?') + "\" contains a NUL");
        }
        for (String component : name.split("/", -1)) {
            if (component.isEmpty() || component.equals(".") || component.equals("..")) {
                throw new UsageException(name + ": no . or .. allowed (nor empty path components)");
            }
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (!new String(bytes, StandardCharsets.UTF_8).equals(name)) {
            throw new UsageException("BOOTFS name \"" + name + "\" is not valid Unicode");
        }
        if (bytes.length > MAX_NAME_BYTES) {
            throw new UsageException(
                    "BOOTFS name \"" + name + "\" is " + bytes.length + " bytes, more than " + MAX_NAME_BYTES);
        }
        return bytes;
    }

    /** Returns {@code prefix/name}, or {@code name} when the prefix is empty; trailing slashes of the prefix are dropped. */
    static String prefixed(String prefix, String name) {
        String p = prefix == null ? "" : prefix;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? name : p + "/" + name;
    }

    private static int compare(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(rank(x[i]), rank(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static int rank(byte b) {
        return b == '/' ? -1 : b & 0xff;
    }
}
