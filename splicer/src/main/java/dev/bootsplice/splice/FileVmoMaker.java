package dev.bootsplice.splice;

import dev.bootsplice.format.BootfsEntry;
import dev.bootsplice.vm.Kernel;
import dev.bootsplice.vm.VmoOptions;

/**
 * Makes one file's VMO out of the BOOTFS root VMO the way each strategy's boot code does
 * (`zbi-bootfs.md` §5); the caller names it and sets its content size.
 */
final class FileVmoMaker {
  /** What component_manager 2022–23 passed to create_child for every file. */
  static final int CLONE_OPTIONS =
      VmoOptions.CHILD_SNAPSHOT_AT_LEAST_ON_WRITE | VmoOptions.CHILD_NO_WRITE;

  private final Kernel kernel;
  private final int root;
  private final Strategy strategy;
  // reused between files by COPY: grows to the largest file
  private byte[] copyBuffer = new byte[0];
  // pages whose bytes COPY wrote with vmo_write: the kernel counts them zero-filled, not copied
  private long pagesWritten;

  FileVmoMaker(Kernel kernel, int root, Strategy strategy) {
    this.kernel = kernel;
    this.root = root;
    this.strategy = strategy;
  }

  Strategy strategy() {
    return strategy;
  }

  /** Pages the COPY strategy filled with a file's bytes through vmo_write (each one page copy). */
  long pagesWritten() {
    return pagesWritten;
  }

  /**
   * Whether {@code e}'s new VMO still needs zx_object_set_property(CONTENT_SIZE): a clone child
   * already has content size {@code data_len} from zx_vmo_create_child (and, being NO_WRITE, may
   * not set it), a created VMO has its page-rounded size.
   */
  boolean contentSizeNeedsSetting(BootfsEntry e) {
    boolean clone = strategy == Strategy.CLONE || strategy == Strategy.CLONE_SHARECOUNT;
    return !clone || e.dataLength() == 0;
  }

  /** A new VMO holding {@code e}'s data (an empty VMO for an empty file), as a handle. */
  int make(BootfsEntry e) {
    long alignedLength = FileVmo.pagesOf(e.dataLength()) * FileVmo.PAGE;
    if (e.dataLength() == 0) {
      return kernel.vmoCreate(0, 0);
    }
    return switch (strategy) {
      case CLONE, CLONE_SHARECOUNT ->
          kernel.vmoCreateChild(root, CLONE_OPTIONS, e.dataOffset(), e.dataLength());
      case COPY -> copy(e, alignedLength);
      case TRANSFER -> transfer(e, alignedLength);
    };
  }

  /** zx_vmo_create + one read of the file's bytes from the root + one write into the new VMO. */
  private int copy(BootfsEntry e, long alignedLength) {
    int length = Math.toIntExact(e.dataLength());
    if (copyBuffer.length < length) {
      copyBuffer = new byte[length];
    }
    int file = kernel.vmoCreate(alignedLength, 0);
    kernel.vmoRead(root, copyBuffer, 0, e.dataOffset(), length);
    kernel.vmoWrite(file, copyBuffer, 0, 0, length);
    pagesWritten += FileVmo.pagesOf(length);
    return file;
  }

  /** zx_vmo_create + zx_vmo_transfer_data of the page-aligned range, as userboot 2024+ does. */
  private int transfer(BootfsEntry e, long alignedLength) {
    int file = kernel.vmoCreate(alignedLength, 0);
    kernel.vmoTransferData(file, 0, 0, alignedLength, root, e.dataOffset());
    return file;
  }
}
