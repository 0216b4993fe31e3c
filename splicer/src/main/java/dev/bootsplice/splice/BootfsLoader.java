package dev.bootsplice.splice;

import dev.bootsplice.format.Bootfs;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import dev.bootsplice.vm.Kernel;
import dev.bootsplice.vm.VmoOptions;
import java.nio.ByteBuffer;

/**
 * Step 1 of the boot scenario, as userboot does it (`zbi-bootfs.md` §5.4; misttech/fuchsia
 * {@code zircon/kernel/lib/userabi/userboot/zbi.cc} {@code GetBootfsFromZbi}, which calls zbitl's
 * {@code View::CopyStorageItem}): the image's bytes go into a VMO named "zbi"; the first BOOTFS
 * item becomes the root VMO "uncompressed-bootfs". A compressed item is decompressed into a fresh
 * VMO and the ZBI VMO is closed (as before), and so is a bare BOOTFS image (no ZBI, so no zbitl). An uncompressed item whose payload starts on a page
 * boundary takes zbitl's clone path when the caller allows it: a SNAPSHOT|RESIZABLE child of the
 * ZBI VMO (zbitl {@code StorageTraits<zx::vmo>::DoClone}: a partial last page is zeroed, the content
 * size set), the item header rewritten as DISCARD, and the ZBI VMO kept open, as userboot keeps it
 * to pass on as PA_VMO_BOOTDATA (start.cc {@code HandleInfoTable}). zbitl clones only a payload
 * with no slop ({@code StorageTraits::Clone}: {@code slopcheck(offset % ZX_PAGE_SIZE)} with
 * {@code View::Copy}'s "slop == 0"); any other payload is copied into a fresh VMO.
 * Any payload streams into its VMO chunk by chunk, so the heap holds only the model's pages.
 */
final class BootfsLoader {
    private static final int CHUNK = 1 << 20;
    private static final long PAGE = FileVmo.PAGE;

    private BootfsLoader() {}

    /**
     * Loads {@code image}'s first BOOTFS into a new root VMO of {@code kernel};
     * {@code snapshotAllowed} lets an aligned uncompressed BOOTFS be a child of the ZBI VMO.
     *
     * @throws ZbiFormatException if the BOOTFS does not decompress or parse
     * @throws SpliceException if the image has no BOOTFS item
     */
    static LoadedBootfs load(Kernel kernel, ZbiImage image, boolean snapshotAllowed)
            throws ZbiFormatException, SpliceException {
        ZbiItem item = bootfsItem(image);
        Bootfs bootfs = Bootfs.parseDirectory(item);
        int imageVmo = kernel.vmoCreate(FileVmo.pagesOf(image.size()) * PAGE, 0);
        kernel.setName(imageVmo, "zbi");
        byte[] buffer = new byte[CHUNK];
        image.readBytes((offset, chunk) -> write(kernel, imageVmo, offset, chunk, buffer));
        long size = item.uncompressedSize();
        if (snapshotAllowed && !item.isSynthetic() && !item.isCompressed() && item.payloadOffset() % PAGE == 0) {
            int root = zbitlClone(kernel, imageVmo, item, size);
            return new LoadedBootfs(bootfs.entries(), root, size, imageVmo);
        }
        int root = kernel.vmoCreate(FileVmo.pagesOf(size) * PAGE, 0);
        kernel.setName(root, "uncompressed-bootfs");
        item.readPayload((offset, chunk) -> write(kernel, root, offset, chunk, buffer));
        kernel.handleClose(imageVmo);
        return new LoadedBootfs(bootfs.entries(), root, size, 0);
    }

    /** zbitl DoClone with no slop, userboot's name, and View::EditHeader's DISCARD header. */
    private static int zbitlClone(Kernel kernel, int imageVmo, ZbiItem item, long size) {
        int root = kernel.vmoCreateChild(
                imageVmo, VmoOptions.CHILD_SNAPSHOT | VmoOptions.CHILD_RESIZABLE, item.payloadOffset(), size);
        long tail = size % PAGE;
        if (tail != 0) {
            kernel.vmoOpRange(root, VmoOptions.OP_ZERO, size, PAGE - tail);
        }
        kernel.setContentSize(root, size);
        kernel.setName(root, "uncompressed-bootfs");
        byte[] discard = discardHeader(item);
        kernel.vmoWrite(imageVmo, discard, 0, item.offset(), discard.length);
        return root;
    }

    /** The item's header with its type replaced by DISCARD (the other fields are kept). */
    private static byte[] discardHeader(ZbiItem item) {
        ByteBuffer header = ByteBuffer.wrap(item.header().clone()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        header.putInt(0, dev.bootsplice.format.ItemType.DISCARD.code());
        return header.array();
    }

    private static ZbiItem bootfsItem(ZbiImage image) throws SpliceException {
        return image.firstBootfs()
                .orElseThrow(() -> new SpliceException(
                        "no BOOTFS item: nothing to splice (no '/boot' bootfs in bootstrap message)"));
    }

    /** Writes {@code bytes} at {@code offset} of the VMO, one chunk-sized vmo_write at a time. */
    private static void write(Kernel kernel, int vmo, long offset, ByteBuffer bytes, byte[] buffer) {
        long at = offset;
        while (bytes.hasRemaining()) {
            int n = Math.min(buffer.length, bytes.remaining());
            bytes.get(buffer, 0, n);
            kernel.vmoWrite(vmo, buffer, 0, at, n);
            at += n;
        }
    }
}
