package dev.bootsplice.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Where every file of a BOOTFS goes (spec §4.4): the directory in reference-tool order, data from
 * {@code pageAlign(16 + dirsize)}, each distinct content once in directory order, empty files at the
 * current end of data.
 */
final class BootfsLayout implements PayloadSource {
    /** One dirent: the name, its content, and the data offset assigned to it. */
    record Placed(String name, FileSource source, long dataOffset) {}

    /** A distinct data range written once. */
    private record Range(FileSource source, long offset) {}

    private final List<Placed> entries;
    private final List<Range> ranges;
    private final long dirsize;
    /** Total image size: the end of the last range, a multiple of 4096. */
    private final long size;

    private BootfsLayout(List<Placed> entries, List<Range> ranges, long dirsize, long size) {
        this.entries = entries;
        this.ranges = ranges;
        this.dirsize = dirsize;
        this.size = size;
    }

    /**
     * Lays out {@code files} (already in directory order).
     *
     * @throws UsageException when a file or the image exceeds the format's 32-bit sizes
     */
    static BootfsLayout of(SortedMap<String, FileSource> files, RangeSharing sharing)
            throws UsageException, IOException {
        long dirsize = 0;
        for (String name : files.keySet()) {
            dirsize += ZbiConstants.direntSize(name.getBytes(StandardCharsets.UTF_8).length + 1L);
        }
        long offset = ZbiConstants.pageAlign(ZbiConstants.BOOTFS_HEADER_SIZE + dirsize);
        if (offset > Integer.MAX_VALUE) {
            throw new UsageException(
                    "BOOTFS directory of " + files.size() + " names is " + offset + " bytes, too large");
        }
        List<Placed> entries = new ArrayList<>(files.size());
        List<Range> ranges = new ArrayList<>();
        Map<Object, Long> placed = new HashMap<>();
        Map<Long, Integer> sizes = sizeCounts(files.values());
        for (Map.Entry<String, FileSource> e : files.entrySet()) {
            FileSource source = e.getValue();
            checkFits(source.size(), "input file size of \"" + e.getKey() + "\"");
            // Content of a size no other file has is unique: its digest (SHA-256, slow without the optimising
            // compiler) is needed only where sizes collide. The name stands in as a key no other entry has.
            Object key = sharing == RangeSharing.SAME_CONTENT && sizes.get(source.size()) == 1
                    ? e.getKey()
                    : source.key(sharing);
            Long at = source.size() == 0 ? Long.valueOf(offset) : placed.get(key);
            if (at == null) {
                at = offset;
                placed.put(key, at);
                ranges.add(new Range(source, offset));
                offset += ZbiConstants.pageAlign(source.size());
                checkFits(offset, "BOOTFS image size");
            }
            entries.add(new Placed(e.getKey(), source, at));
        }
        return new BootfsLayout(List.copyOf(entries), List.copyOf(ranges), dirsize, offset);
    }

    private static Map<Long, Integer> sizeCounts(java.util.Collection<FileSource> sources) {
        Map<Long, Integer> counts = new HashMap<>();
        for (FileSource s : sources) {
            counts.merge(s.size(), 1, Integer::sum);
        }
        return counts;
    }

    @Override
    public long size() {
        return size;
    }

    long dirsize() {
        return dirsize;
    }

    List<Placed> entries() {
        return entries;
    }

    /** Returns how many distinct data ranges the image holds. */
    int rangeCount() {
        return ranges.size();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        byte[] directory = directory();
        out.write(directory);
        long pos = directory.length;
        for (Range range : ranges) {
            Streams.zeros(range.offset() - pos, out);
            CountingOutputStream counted = new CountingOutputStream(out);
            range.source().writeTo(counted);
            if (counted.count() != range.source().size()) {
                throw new IOException("content at BOOTFS offset 0x" + Long.toHexString(range.offset()) + " wrote "
                        + counted.count() + " bytes, expected " + range.source().size());
            }
            pos = range.offset() + counted.count();
        }
        Streams.zeros(size - pos, out);
    }

    /** Returns the header and dirents, zero-padded to the first data page. */
    private byte[] directory() {
        int length = (int) ZbiConstants.pageAlign(ZbiConstants.BOOTFS_HEADER_SIZE + dirsize);
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(ZbiConstants.BOOTFS_MAGIC).putInt((int) dirsize).putInt(0).putInt(0);
        for (Placed e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int start = b.position();
            b.putInt(name.length + 1)
                    .putInt((int) e.source().size())
                    .putInt((int) e.dataOffset())
                    .put(name);
            b.position(start + (int) ZbiConstants.direntSize(name.length + 1L));
        }
        return b.array();
    }

    private static void checkFits(long value, String what) throws UsageException {
        if (value > ZbiConstants.UINT32_MAX) {
            throw new UsageException(what + " " + value + " exceeds format maximum " + ZbiConstants.UINT32_MAX);
        }
    }
}
