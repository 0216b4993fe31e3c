package dev.bootsplice.format;

/**
 * One BOOTFS directory entry: the file name (without its NUL), {@code data_off} and {@code data_len} relative
 * to the start of the BOOTFS payload, and the offset of the dirent itself inside the payload.
 */
public record BootfsEntry(String name, long dataOffset, long dataLength, long direntOffset) {

    /** Returns {@code pageAlign(data_len)}: the bytes the file occupies, the length a VMO transfer moves. */
    public long pageAlignedLength() {
        return ZbiConstants.pageAlign(dataLength);
    }

    /** Returns the end of the page-rounded data range, {@code data_off + pageAlign(data_len)}. */
    public long pageAlignedEnd() {
        return dataOffset + pageAlignedLength();
    }
}
