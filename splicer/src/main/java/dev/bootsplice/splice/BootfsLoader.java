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
 * "uncompressed-bootfs", and the image VMO is closed again.
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
    int imageVmo = kernel.vmoCreate(FileVmo.pagesOf(image.size()) * FileVmo.PAGE, 0);
    kernel.setName(imageVmo, "zbi");
    byte[] buffer = new byte[CHUNK];
    ImageContent.forEachPiece(image, (offset, chunk) -> write(kernel, imageVmo, offset, chunk, buffer));
    ByteBuffer payload = item.payload();
    Bootfs bootfs = Bootfs.parse(payload.duplicate());
    long size = payload.remaining();
    int root = kernel.vmoCreate(FileVmo.pagesOf(size) * FileVmo.PAGE, 0);
    kernel.setName(root, "uncompressed-bootfs");
    write(kernel, root, 0, payload.duplicate(), buffer);
    kernel.handleClose(imageVmo);
    return new LoadedBootfs(bootfs.entries(), root, size);
  }

  /** The BOOTFS directory of {@code image}, without loading anything. */
  static Bootfs bootfsOf(ZbiImage image) throws ZbiFormatException, SpliceException {
    return Bootfs.parse(bootfsItem(image).payload());
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
