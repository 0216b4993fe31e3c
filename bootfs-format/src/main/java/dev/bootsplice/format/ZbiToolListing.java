package dev.bootsplice.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reproduces the reference tool's {@code zbi -t -v} listing as the 2020 tool prints it (spec §4.5): the
 * {@code COMPLETE}/{@code INCOMPLETE} verdict, item lines with the recomputed CRC, BOOTFS dirents with
 * {@code [ERROR: ...]} tags, CMDLINE words, {@code error: CRC %08x does not match header} on stderr, and the
 * exit status. The one deliberate difference: with {@link Naming#PROJECT}, types the 2020 tool did not know
 * are named ({@code KERNEL (size=...)} instead of {@code UNKNOWN (type=5254534b)}).
 */
public final class ZbiToolListing {
    private static final String CONTENT_PREFIX = "        : ";

    /** How item types are named in item lines. */
    public enum Naming {
        /** Every type with a canonical name is named; storage types (incl. STORAGE_KERNEL) show their size. */
        PROJECT,
        /** Exactly as the 2020 tool: KERNEL_RISCV64, STORAGE_KERNEL and BOOTLOADER_FILE are UNKNOWN. */
        TOOL_2020
    }

    /** What the tool printed: stdout lines, stderr lines (each without its newline) and the exit status. */
    public record Result(List<String> stdout, List<String> stderr, int exitCode) {
        /** Creates a result holding immutable copies of the lines. */
        public Result {
            stdout = List.copyOf(stdout);
            stderr = List.copyOf(stderr);
        }

        /**
         * Returns the lines in the corpus oracle layout ({@code expected/*.list.txt}): stderr lines first, then
         * stdout lines, then {@code exit status: N}.
         */
        public List<String> oracleLines() {
            List<String> all = new ArrayList<>(stderr);
            all.addAll(stdout);
            all.add("exit status: " + exitCode);
            return all;
        }
    }

    /** Types the 2020 tool had no name for (spec §1.7). */
    private static final Set<ItemType> UNKNOWN_IN_2020 =
            Set.of(ItemType.KERNEL_RISCV64, ItemType.STORAGE_KERNEL, ItemType.BOOTLOADER_FILE);

    private final Naming naming;
    /** {@code -v}: also show BOOTFS entries and CMDLINE words (decompressing as needed). */
    private final boolean verbose;
    /** The BOOTFS entries shown. */
    private final java.util.function.Predicate<String> names;

    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private int status;

    private ZbiToolListing(Naming naming, boolean verbose, java.util.function.Predicate<String> names) {
        this.naming = naming;
        this.verbose = verbose;
        this.names = names;
    }

    /** Returns the listing of {@code image} with the project's naming of types unknown to the 2020 tool. */
    public static Result render(ZbiImage image) {
        return render(image, Naming.PROJECT);
    }

    /** Returns the listing of {@code image} with the given naming. */
    public static Result render(ZbiImage image, Naming naming) {
        return render(image, naming, true);
    }

    /** Returns the listing of {@code image}: {@code zbi -t -v} when {@code verbose}, else {@code zbi -t}. */
    public static Result render(ZbiImage image, Naming naming, boolean verbose) {
        return render(image, naming, verbose, name -> true);
    }

    /** As {@link #render(ZbiImage, Naming, boolean)}, listing only the BOOTFS entries {@code names} accepts. */
    public static Result render(
            ZbiImage image, Naming naming, boolean verbose, java.util.function.Predicate<String> names) {
        ZbiToolListing listing = new ZbiToolListing(naming, verbose, names);
        listing.list(image);
        return new Result(listing.out, listing.err, listing.status);
    }

    private void list(ZbiImage image) {
        out.add(image.completeness(null).completeVerdictLine());
        for (ZbiItem item : image.items()) {
            describe(item);
            if (verbose && !show(item)) {
                return;
            }
        }
    }

    private void describe(ZbiItem item) {
        if (item.hasCrc32() && item.crcStatus() == CrcStatus.MISMATCH) {
            err.add(String.format("error: CRC %08x does not match header", item.computeCrc32()));
        }
        String name = typeName(item.type());
        if (name == null) {
            out.add(Hex.pad8(item.offset()) + ": " + Hex.pad8(item.length()) + " UNKNOWN (type="
                    + Hex.pad8(item.type().code()) + ")");
        } else if (isStorage(item.type())) {
            out.add(Hex.pad8(item.offset()) + ": " + Hex.pad8(item.length()) + " " + name + " (size="
                    + Hex.pad8(item.extra()) + ")");
        } else {
            out.add(Hex.pad8(item.offset()) + ": " + Hex.pad8(item.length()) + " " + name);
        }
        out.add(
                item.hasCrc32()
                        ? "        :          MAGIC=" + Hex.pad8(ZbiConstants.ITEM_MAGIC) + " CRC="
                                + Hex.pad8(item.computeCrc32())
                        : "        :          MAGIC=" + Hex.pad8(ZbiConstants.ITEM_MAGIC) + " NO CRC");
    }

    private String typeName(ItemType type) {
        return naming == Naming.TOOL_2020 && UNKNOWN_IN_2020.contains(type) ? null : type.name();
    }

    private boolean isStorage(ItemType type) {
        return naming == Naming.TOOL_2020
                ? type.equals(ItemType.RAMDISK) || type.equals(ItemType.BOOTFS)
                : type.isStorage();
    }

    /** Forward-only bytes of a payload: a buffer, or a decompressing stream read as far as the walk needs. */
    private interface Bytes {
        byte get(long at);

        int getInt(long at);

        /** Says that no byte before {@code at} is needed again. */
        default void release(long at) {}
    }

    /**
     * Shows BOOTFS and CMDLINE contents; returns false when the tool would exit (decompression failed). A
     * compressed BOOTFS that fits the heap is decompressed once and kept, so a checker run afterwards finds it in
     * memory; a larger one is checked by streaming it through a fixed buffer and its directory is then walked on
     * a second stream, so a small item that honestly decompresses to gigabytes lists within a small heap.
     */
    private boolean show(ZbiItem item) {
        if (item.length() == 0) {
            return true;
        }
        boolean bit0 = (item.flags() & ZbiConstants.FLAGS_STORAGE_COMPRESSED) != 0;
        boolean bootfs = item.type().equals(ItemType.BOOTFS);
        boolean cmdline = item.type().equals(ItemType.CMDLINE);
        try {
            if (bootfs && bit0 && item.payloadFitsHeap()) {
                showBootfs(buffer(item.payload()), item.extra());
                return true;
            }
            if (bit0) {
                item.checkDecompression();
            }
            if (bootfs && bit0) {
                showStreamedBootfs(item);
            } else if (bootfs) {
                showBootfs(buffer(item.rawPayload()), item.length());
            } else if (cmdline) {
                showCmdline(bit0 ? Decompression.decompress(item) : item.rawPayload());
            }
        } catch (ZbiFormatException e) {
            err.add(e.reason());
            status = 1;
            return false;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // The stream was checked whole just before; a second pass failing means the bytes changed under us.
            err.add("decompression failed: " + Decompression.describe(e));
            status = 1;
            return false;
        }
        return true;
    }

    /** Walks the directory of a compressed BOOTFS on a stream, holding one dirent at a time. */
    private void showStreamedBootfs(ZbiItem item) throws ZbiFormatException, java.io.IOException {
        try (java.io.InputStream in = Decompression.stream(item)) {
            StreamWindow window = new StreamWindow(in);
            showBootfs(
                    new Bytes() {
                        public byte get(long at) {
                            return window.get(at);
                        }

                        public int getInt(long at) {
                            return window.getInt(at);
                        }

                        public void release(long at) {
                            window.release(at);
                        }
                    },
                    item.extra());
        }
    }

    private static Bytes buffer(ByteBuffer payload) {
        ByteBuffer p = payload.order(ByteOrder.LITTLE_ENDIAN);
        return new Bytes() {
            public byte get(long at) {
                return p.get((int) at);
            }

            public int getInt(long at) {
                return p.getInt((int) at);
            }
        };
    }

    private void showBootfs(Bytes p, long length) {
        if (length < ZbiConstants.BOOTFS_HEADER_SIZE) {
            fail("payload too short for BOOTFS header");
            return;
        }
        int magic = p.getInt(0);
        if (magic != ZbiConstants.BOOTFS_MAGIC) {
            fail(String.format("BOOTFS header magic %s should be %#x", hashHex(magic), ZbiConstants.BOOTFS_MAGIC));
            return;
        }
        long dirsize = ZbiConstants.u32(p.getInt(4));
        if (dirsize > length - ZbiConstants.BOOTFS_HEADER_SIZE) {
            fail(String.format(
                    "BOOTFS header dirsize %d > payload size %d", dirsize, length - ZbiConstants.BOOTFS_HEADER_SIZE));
            return;
        }
        walkDirents(p, length, dirsize);
    }

    /** The tool's directory iterator: print each dirent, then stop with a stderr note if the next is cut short. */
    private void walkDirents(Bytes p, long length, long dirsize) {
        long at = ZbiConstants.BOOTFS_HEADER_SIZE;
        long left = dirsize;
        while (left > 0) {
            p.release(at);
            if (at + ZbiConstants.BOOTFS_DIRENT_FIXED_SIZE > length) {
                err.add("BOOTFS directory truncated");
                return;
            }
            long nameLen = ZbiConstants.u32(p.getInt(at));
            long dataLen = ZbiConstants.u32(p.getInt(at + 4));
            long dataOff = ZbiConstants.u32(p.getInt(at + 8));
            String align = dataOff % ZbiConstants.BOOTFS_PAGE_SIZE == 0 ? "" : "[ERROR: misaligned offset] ";
            String size = dataOff < length && length - dataOff >= dataLen ? "" : "[ERROR: offset+size too large] ";
            if (!align.isEmpty() || !size.isEmpty()) {
                status = 1;
            }
            String name = cString(p, length, at + ZbiConstants.BOOTFS_DIRENT_FIXED_SIZE, nameLen);
            if (names.test(name)) {
                StringBuilder line =
                        new StringBuilder(CONTENT_PREFIX.length() + 20 + name.length()).append(CONTENT_PREFIX);
                Hex.append(line, dataOff).append(' ');
                out.add(Hex.append(line, dataLen)
                        .append(' ')
                        .append(align)
                        .append(size)
                        .append(name)
                        .toString());
            }
            if (left < ZbiConstants.BOOTFS_DIRENT_FIXED_SIZE) {
                err.add("BOOTFS directory truncated");
                return;
            }
            long direntSize = ZbiConstants.direntSize(nameLen);
            if (direntSize > left) {
                err.add("BOOTFS directory truncated or bad name_len");
                return;
            }
            at += direntSize;
            left -= direntSize;
        }
    }

    private void showCmdline(ByteBuffer payload) {
        byte[] text = new byte[payload.remaining()];
        payload.duplicate().get(text);
        int start = 0;
        while (start < text.length) {
            int end = start;
            while (end < text.length && " \t\r\n".indexOf(text[end]) < 0) {
                end++;
            }
            if (end == text.length) {
                if (text[start] != 0) {
                    out.add(CONTENT_PREFIX + cString(ByteBuffer.wrap(text), start, text.length - start));
                }
                return;
            }
            if (end > start) {
                out.add(CONTENT_PREFIX + cString(ByteBuffer.wrap(text), start, end - start));
            }
            start = end + 1;
        }
    }

    private void fail(String message) {
        err.add(message);
        status = 1;
    }

    /** Returns up to {@code max} bytes at {@code at}, stopping at a NUL or at {@code length} ({@code %.*s}). */
    private static String cString(Bytes b, long length, long at, long max) {
        java.io.ByteArrayOutputStream name = new java.io.ByteArrayOutputStream();
        for (long i = at; i < Math.min(length, at + max); i++) {
            byte c = b.get(i);
            if (c == 0) {
                break;
            }
            name.write(c);
        }
        return new String(name.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Returns up to {@code max} bytes at {@code at}, stopping at a NUL or the end of the buffer ({@code %.*s}). */
    private static String cString(ByteBuffer b, long at, long max) {
        int from = (int) Math.min(at, b.limit());
        int to = (int) Math.min(b.limit(), at + max);
        int end = from;
        while (end < to && b.get(end) != 0) {
            end++;
        }
        return Bootfs.decodeName(b, from, end - from);
    }

    /** Formats like C's {@code %#x}: "0" for zero, else "0x" and lowercase hex. */
    private static String hashHex(int value) {
        return value == 0 ? "0" : "0x" + Integer.toHexString(value);
    }
}
