package dev.bootsplice.vm.scenario;

import dev.bootsplice.vm.CloneFlavour;
import dev.bootsplice.vm.Rights;
import dev.bootsplice.vm.Signals;
import dev.bootsplice.vm.TransferProfile;
import dev.bootsplice.vm.VmoInfo;
import dev.bootsplice.vm.VmoOptions;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/** Value syntax of the scenario language: numbers, byte tokens, strings, flag sets, names of ops and counters. */
final class ScenarioValues {
    static final Map<String, Integer> CREATE_OPTIONS = Map.of(
            "RESIZABLE",
            VmoOptions.RESIZABLE,
            "DISCARDABLE",
            VmoOptions.DISCARDABLE,
            "UNBOUNDED",
            VmoOptions.UNBOUNDED);
    static final Map<String, Integer> CHILD_OPTIONS = Map.of(
            "SNAPSHOT",
            VmoOptions.CHILD_SNAPSHOT,
            "SNAPSHOT_AT_LEAST_ON_WRITE",
            VmoOptions.CHILD_SNAPSHOT_AT_LEAST_ON_WRITE,
            "SNAPSHOT_MODIFIED",
            VmoOptions.CHILD_SNAPSHOT_MODIFIED,
            "SLICE",
            VmoOptions.CHILD_SLICE,
            "REFERENCE",
            VmoOptions.CHILD_REFERENCE,
            "NO_WRITE",
            VmoOptions.CHILD_NO_WRITE,
            "RESIZABLE",
            VmoOptions.CHILD_RESIZABLE);
    static final Map<String, Integer> OPS =
            Map.of("COMMIT", VmoOptions.OP_COMMIT, "DECOMMIT", VmoOptions.OP_DECOMMIT, "ZERO", VmoOptions.OP_ZERO);
    static final java.util.Set<String> STATS = java.util.Set.of(
            "pages_allocated",
            "pages_copied",
            "pages_moved",
            "pages_zeroed",
            "pages_freed",
            "hidden_nodes",
            "vmos",
            "peak_pages_allocated",
            "pages_migrated",
            "hidden_nodes_created",
            "vmos_created");
    /** expect_info flags: ZX_INFO_VMO_* without the prefix ({@code COW_CLONE} = IS_COW_CLONE). */
    static final Map<String, Integer> INFO_FLAGS = Map.of(
            "PAGED",
            VmoInfo.TYPE_PAGED,
            "RESIZABLE",
            VmoInfo.RESIZABLE,
            "COW_CLONE",
            VmoInfo.IS_COW_CLONE,
            "VIA_HANDLE",
            VmoInfo.VIA_HANDLE,
            "PAGER_BACKED",
            VmoInfo.PAGER_BACKED,
            "CONTIGUOUS",
            VmoInfo.CONTIGUOUS,
            "DISCARDABLE",
            VmoInfo.DISCARDABLE,
            "IMMUTABLE",
            VmoInfo.IMMUTABLE);

    static final java.util.Set<String> INFO_FIELDS =
            java.util.Set.of("size", "committed", "num_children", "flags", "parent");
    static final Map<String, Integer> SIGNALS = Map.of("ZERO_CHILDREN", Signals.VMO_ZERO_CHILDREN);
    /** Byte token value meaning "any content" ({@code ?}, expect_pages only). */
    static final int ANY = -1;

    private ScenarioValues() {}

    /** Decimal, {@code 0x} hex, or pages with suffix {@code p}; unsigned 64-bit. */
    static long number(int line, String s) throws ScenarioSyntaxException {
        if (s.startsWith("-") || s.isEmpty()) {
            throw new ScenarioSyntaxException(line, "bad number '" + s + "'");
        }
        boolean pages = s.endsWith("p");
        String digits = pages ? s.substring(0, s.length() - 1) : s;
        long v;
        try {
            v = digits.startsWith("0x") || digits.startsWith("0X")
                    ? Long.parseUnsignedLong(digits.substring(2), 16)
                    : Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            throw new ScenarioSyntaxException(line, "bad number '" + s + "'");
        }
        if (pages) {
            if (Long.compareUnsigned(v, 0xFFFF_FFFF_FFFF_FFFFL >>> 12) > 0) {
                throw new ScenarioSyntaxException(line, "'" + s + "' does not fit in 64 bits");
            }
            v <<= 12;
        }
        return v;
    }

    /** A byte token: {@code 0}, one printable character, {@code 0xNN}, or {@code ?} when allowed. */
    static int byteToken(int line, String t, boolean allowAny) throws ScenarioSyntaxException {
        if (t.equals("?")) {
            if (allowAny) {
                return ANY;
            }
            throw new ScenarioSyntaxException(line, "'?' is allowed only in expect_pages");
        }
        if (t.equals("0")) {
            return 0;
        }
        if (t.length() == 4 && (t.startsWith("0x") || t.startsWith("0X"))) {
            try {
                return Integer.parseInt(t.substring(2), 16);
            } catch (NumberFormatException e) {
                throw new ScenarioSyntaxException(line, "bad byte '" + t + "'");
            }
        }
        char c = t.charAt(0);
        if (t.length() == 1 && c > ' ' && c < 0x7f && c != '|' && c != '#' && c != '"' && c != '\'') {
            return c;
        }
        throw new ScenarioSyntaxException(line, "bad byte token '" + t + "'");
    }

    static int pageToken(int line, String t) throws ScenarioSyntaxException {
        return byteToken(line, t, true);
    }

    /** The bytes of a double-quoted string with {@code \\ \" \n \t \xNN} escapes. */
    static byte[] string(int line, String t) throws ScenarioSyntaxException {
        if (t.length() < 2 || !t.startsWith("\"") || !t.endsWith("\"")) {
            throw new ScenarioSyntaxException(line, "expected a double-quoted string, got " + t);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 1; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if (c != '\\') {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                continue;
            }
            char e = t.charAt(++i);
            switch (e) {
                case '\\':
                    out.write('\\');
                    break;
                case '"':
                    out.write('"');
                    break;
                case 'n':
                    out.write('\n');
                    break;
                case 't':
                    out.write('\t');
                    break;
                case 'x':
                    out.write(hexByte(line, t, i + 1));
                    i += 2;
                    break;
                default:
                    throw new ScenarioSyntaxException(line, "unknown escape \\" + e);
            }
        }
        return out.toByteArray();
    }

    private static int hexByte(int line, String t, int at) throws ScenarioSyntaxException {
        if (at + 2 > t.length() - 1) {
            throw new ScenarioSyntaxException(line, "\\x needs two hex digits");
        }
        try {
            return Integer.parseInt(t.substring(at, at + 2), 16);
        } catch (NumberFormatException e) {
            throw new ScenarioSyntaxException(line, "\\x needs two hex digits");
        }
    }

    /** A flag set: {@code 0} or words joined by {@code |}. */
    static int options(int line, String s, Map<String, Integer> known) throws ScenarioSyntaxException {
        if (s.equals("0")) {
            return 0;
        }
        int v = 0;
        for (String w : s.split("\\|", -1)) {
            Integer bit = known.get(w);
            if (bit == null) {
                throw new ScenarioSyntaxException(line, "unknown option '" + w + "'");
            }
            v |= bit;
        }
        return v;
    }

    static int rights(int line, String s) throws ScenarioSyntaxException {
        if (s.equals("SAME_RIGHTS")) {
            return Rights.SAME_RIGHTS;
        }
        try {
            int r = Rights.parse(s);
            if ((r & Rights.SAME_RIGHTS) != 0) {
                throw new ScenarioSyntaxException(line, "SAME_RIGHTS cannot be combined");
            }
            return r;
        } catch (IllegalArgumentException e) {
            throw new ScenarioSyntaxException(line, e.getMessage());
        }
    }

    static int op(int line, String s) throws ScenarioSyntaxException {
        Integer op = OPS.get(s);
        if (op == null) {
            throw new ScenarioSyntaxException(line, "unknown op '" + s + "' (COMMIT, DECOMMIT or ZERO)");
        }
        return op;
    }

    static String stat(int line, String s) throws ScenarioSyntaxException {
        if (!STATS.contains(s)) {
            throw new ScenarioSyntaxException(line, "unknown counter '" + s + "'");
        }
        return s;
    }

    static String infoField(int line, String s) throws ScenarioSyntaxException {
        if (!INFO_FIELDS.contains(s)) {
            throw new ScenarioSyntaxException(
                    line, "unknown info field '" + s + "' (size, committed, num_children, flags or parent)");
        }
        return s;
    }

    static int signal(int line, String s) throws ScenarioSyntaxException {
        Integer bit = SIGNALS.get(s);
        if (bit == null) {
            throw new ScenarioSyntaxException(line, "unknown signal '" + s + "' (ZERO_CHILDREN)");
        }
        return bit;
    }

    static boolean onOff(int line, String s) throws ScenarioSyntaxException {
        if (!s.equals("on") && !s.equals("off")) {
            throw new ScenarioSyntaxException(line, "expected on or off, got '" + s + "'");
        }
        return s.equals("on");
    }

    static TransferProfile profile(int line, String s) throws ScenarioSyntaxException {
        try {
            return TransferProfile.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new ScenarioSyntaxException(line, "unknown profile '" + s + "' (RFC_0223 or ZIRCON_2024)");
        }
    }

    static CloneFlavour clones(int line, String s) throws ScenarioSyntaxException {
        try {
            return CloneFlavour.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new ScenarioSyntaxException(
                    line, "unknown clone flavour '" + s + "' (LEGACY_CHAIN, SHARE_COUNT or PARENT_CONTENT)");
        }
    }
}
