package dev.bootsplice.splice;

import dev.bootsplice.format.BootfsEntry;
import dev.bootsplice.vm.Kernel;
import dev.bootsplice.vm.Rights;
import dev.bootsplice.vm.VmoOptions;

/**
 * Opens one BOOTFS file the way each strategy's boot code does, call for call:
 * <ul>
 *   <li>clone, clone-sharecount: clone-era userboot (vsrinivas/fuchsia
 *       {@code zircon/kernel/lib/userabi/userboot/bootfs.cc} @fadeedf2 {@code Bootfs::Open}):
 *       {@code create_child(SNAPSHOT | NO_WRITE, data_off, data_len)}, ZX_PROP_NAME,
 *       ZX_PROP_VMO_CONTENT_SIZE, {@code replace_as_executable};</li>
 *   <li>transfer: 2024 userboot (misttech/fuchsia same file @2da52081 {@code Bootfs::Open}):
 *       {@code vmo_create(pageAlign(len))}, {@code transfer_data}, ZX_PROP_NAME,
 *       ZX_PROP_VMO_CONTENT_SIZE, {@code replace_as_executable}, {@code handle_duplicate} (userboot
 *       keeps one handle and hands out the duplicate);</li>
 *   <li>copy: RFC-0223's copying alternative with the same properties: {@code vmo_create}, one
 *       read from the BOOTFS VMO, one write, ZX_PROP_NAME, ZX_PROP_VMO_CONTENT_SIZE,
 *       {@code replace_as_executable}.</li>
 * </ul>
 * Userboot opens only executables, so {@code replace_as_executable} is made for the files under
 * {@code bin/}, {@code lib/} and {@code driver/} (the {@code exec} trace's files).
 */
final class FileVmoMaker {
    /** What clone-era userboot passed to create_child for every file. */
    static final int CLONE_OPTIONS = VmoOptions.CHILD_SNAPSHOT | VmoOptions.CHILD_NO_WRITE;

    private final Kernel kernel;
    private final int root;
    private final Strategy strategy;
    // reused between files by COPY: grows to the largest file
    private byte[] copyBuffer = new byte[0];

    FileVmoMaker(Kernel kernel, int root, Strategy strategy) {
        this.kernel = kernel;
        this.root = root;
        this.strategy = strategy;
    }

    Strategy strategy() {
        return strategy;
    }

    /** The handle boot code hands out for {@code e}'s new VMO, after its whole call sequence. */
    int make(BootfsEntry e) {
        long alignedLength = FileVmo.pagesOf(e.dataLength()) * FileVmo.PAGE;
        int vmo =
                switch (strategy) {
                    case CLONE, CLONE_SHARECOUNT -> kernel.vmoCreateChild(
                            root, CLONE_OPTIONS, e.dataOffset(), e.dataLength());
                    case COPY -> copy(e, alignedLength);
                    case TRANSFER -> transfer(e, alignedLength);
                };
        kernel.setName(vmo, e.name());
        kernel.setContentSize(vmo, e.dataLength());
        int handle = Trace.isExec(e.name()) ? kernel.vmoReplaceAsExecutable(vmo, 0) : vmo;
        return strategy.movesPages() ? kernel.handleDuplicate(handle, Rights.SAME_RIGHTS) : handle;
    }

    /** zx_vmo_create + one read of the file's bytes from the root + one write into the new VMO. */
    private int copy(BootfsEntry e, long alignedLength) {
        int length = Math.toIntExact(e.dataLength());
        if (copyBuffer.length < length) {
            copyBuffer = new byte[length];
        }
        int file = kernel.vmoCreate(alignedLength, 0);
        if (length > 0) {
            kernel.vmoRead(root, copyBuffer, 0, e.dataOffset(), length);
            kernel.vmoWrite(file, copyBuffer, 0, 0, length);
        }
        return file;
    }

    /** zx_vmo_create + zx_vmo_transfer_data of the page-aligned range (length 0 for an empty file). */
    private int transfer(BootfsEntry e, long alignedLength) {
        int file = kernel.vmoCreate(alignedLength, 0);
        kernel.vmoTransferData(file, 0, 0, alignedLength, root, e.dataOffset());
        return file;
    }
}
