package dev.bootsplice.splice;

import dev.bootsplice.format.Bootfs;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import dev.bootsplice.vm.Kernel;
import java.nio.ByteBuffer;

/**
 * Step 1 of the boot scenario, as userboot does it (`zbi-bootfs.md` §5.4): the image's bytes go
 * into a VMO, the first BOOTFS item is decompressed into a fresh root VMO named
 * "uncompressed-bootfs", and the image VMO is closed again. The payload streams into the VMO
 * chunk by chunk, so the heap holds only the model's pages, never a second copy of the BOOTFS.
 */
final class BootfsLoader {
  private static final int CHUNK = 1 << 20;

  private BootfsLoader() {}

  /**
   * Loads {@code image}'s first BOOTFS into a new root VMO of {@code kernel}.
   *
   * @throws ZbiFormatException if the BOOTFS does not decompress or parse
   * @throws SpliceException if the image has no BOOTFS item
   */
  static LoadedBootfs load(Kernel kernel, ZbiImage image) throws ZbiFormatException, SpliceException {
    ZbiItem item = bootfsItem(image);
    Bootfs bootfs = Bootfs.parseDirectory(item);
    int imageVmo = kernel.vmoCreate(FileVmo.pagesOf(image.size()) * FileVmo.PAGE, 0);
    kernel.setName(imageVmo, "zbi");
    byte[] buffer = new byte[CHUNK];
    image.readBytes((offset, chunk) -> write(kernel, imageVmo, offset, chunk, buffer));
    long size = item.uncompressedSize();
    int root = kernel.vmoCreate(FileVmo.pagesOf(size) * FileVmo.PAGE, 0);
    kernel.setName(root, "uncompressed-bootfs");
    item.readPayload((offset, chunk) -> write(kernel, root, offset, chunk, buffer));
    kernel.handleClose(imageVmo);
    return new LoadedBootfs(bootfs.entries(), root, size);
  }

  private static ZbiItem bootfsItem(ZbiImage image) throws SpliceException {
    return image.firstBootfs().orElseThrow(
        () -> new SpliceException("no BOOTFS item: nothing to splice (no '/boot' bootfs in bootstrap message)"));
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
