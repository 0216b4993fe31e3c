package dev.bootsplice.splice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ItemType;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiWriter;
import dev.bootsplice.testing.TestImages;
import dev.bootsplice.vm.Rights;
import dev.bootsplice.vm.VmoInfo;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each strategy runs the per-file calls of the boot code it stands for, on the kernel it is given. */
class BootCodeTest {
    private static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bin/app", TestImages.tagged(1, 100, 3));
        files.put("data/config", TestImages.tagged(0, 10, 5));
        files.put("lib/libc.so", TestImages.tagged(2, 0, 7));
        return files;
    }

    private static ZbiImage compressed() throws Exception {
        return TestImages.image(TestImages.zbi(files(), Compression.DEFAULT), "compressed.zbi");
    }

    /** An uncompressed BOOTFS whose payload starts on a page boundary: a CMDLINE item pads the way. */
    static ZbiImage alignedUncompressed() throws Exception {
        byte[] pad = new byte[4096 - 32 - 32 - 32];
        ByteBuffer bootfs = TestImages.bootfs(files());
        byte[] bytes = new ZbiWriter()
                .addItem(ItemType.CMDLINE, 0, ByteBuffer.wrap(pad))
                .addStorageItem(ItemType.BOOTFS, bootfs, Compression.parse("none"))
                .toBytes();
        ZbiImage image = TestImages.image(bytes, "aligned.zbi");
        assertThat(image.firstBootfs().orElseThrow().payloadOffset()).isEqualTo(4096);
        return image;
    }

    @Test
    void transferFilesAreNamedSizedAndOnlyExecutablesGetExecute() throws Exception {
        SpliceResult r = Splicer.splice(compressed(), Strategy.TRANSFER, KernelEra.K2024, ProgressListener.NONE);
        assertThat(r.vmoName("bin/app")).isEqualTo("bin/app");
        assertThat(r.contentSize("bin/app")).isEqualTo(4096 + 100);
        int app = r.handleOf("bin/app");
        int config = r.handleOf("data/config");
        assertThat(r.kernel().handleRights(app)).isEqualTo(Rights.DEFAULT_VMO | Rights.EXECUTE);
        assertThat(r.kernel().handleRights(config)).isEqualTo(Rights.DEFAULT_VMO);
        assertThat(r.readFile("bin/app")).isEqualTo(files().get("bin/app"));
        assertThat(r.kernel().objectGetInfoVmo(app).committedBytes()).isEqualTo(2 * 4096);
        // per file: create, transfer, name, content size, (replace_as_executable), duplicate
        assertThat(r.counters().syscalls()).isEqualTo(3 * 5 + 2);
        r.kernel().checkInvariants();
    }

    @Test
    void cloneEraFilesAreImmutableSnapshotsWhoseContentSizeForksTheirPartialLastPage() throws Exception {
        SpliceResult r = Splicer.splice(compressed(), Strategy.CLONE, KernelEra.K2023, ProgressListener.NONE);
        int app = r.handleOf("bin/app");
        VmoInfo info = r.kernel().objectGetInfoVmo(app);
        assertThat(info.flags())
                .isEqualTo(VmoInfo.TYPE_PAGED | VmoInfo.VIA_HANDLE | VmoInfo.IS_COW_CLONE | VmoInfo.IMMUTABLE);
        assertThat(r.kernel().handleRights(app) & (Rights.WRITE | Rights.EXECUTE))
                .isEqualTo(Rights.EXECUTE);
        assertThat(r.kernel().handleRights(r.handleOf("data/config")) & Rights.EXECUTE)
                .isZero();
        assertThat(r.kernel().ownedPages(app))
                .as("the partial last page, forked by the tail zeroing")
                .isEqualTo(1);
        assertThat(r.kernel().ownedPages(r.handleOf("lib/libc.so")))
                .as("page-exact: nothing to zero")
                .isZero();
        assertThat(r.counters().pagesCopied()).isEqualTo(2);
        // per file: create_child, name, content size, (replace_as_executable)
        assertThat(r.counters().syscalls()).isEqualTo(3 * 3 + 2);
        assertThat(r.readFile("bin/app")).isEqualTo(files().get("bin/app"));
    }

    @Test
    void anAlignedUncompressedBootfsIsASnapshotOfTheZbiVmoWhereTheProfileAllowsATransferFromIt() throws Exception {
        for (Strategy s : Strategy.values()) {
            for (KernelEra era : new KernelEra[] {KernelEra.K2023, KernelEra.K2024}) {
                SpliceResult r = Splicer.splice(alignedUncompressed(), s, era, ProgressListener.NONE);
                boolean refused = s == Strategy.TRANSFER && era == KernelEra.K2023;
                assertThat(r.bootfsIsSnapshotOfZbi()).as(s + " on " + era).isEqualTo(!refused);
                for (Map.Entry<String, byte[]> f : files().entrySet()) {
                    assertThat(r.readFile(f.getKey()))
                            .as(s + " on " + era + ": " + f.getKey())
                            .isEqualTo(f.getValue());
                }
                r.kernel().checkInvariants();
            }
        }
    }

    @Test
    void theShippedTransferFromZbitlsSnapshotForksEveryPageAndLeavesCommittedZeroPages() throws Exception {
        // zircon-vm.md §8.4 / PC-10: a source with a parent is taken page by page; the ZBI VMO still
        // sees each page, so the source first owns a copy of it, then keeps a committed zero page.
        SpliceResult r =
                Splicer.splice(alignedUncompressed(), Strategy.TRANSFER, KernelEra.K2024, ProgressListener.NONE);
        long filePages = 2 + 1 + 2;
        assertThat(r.counters().pagesMoved()).isEqualTo(filePages);
        assertThat(r.counters().pagesCopied()).isEqualTo(filePages);
        assertThat(r.counters().pagesZeroed()).isEqualTo(filePages);
        assertThat(r.counters().pagesAllocated()).isEqualTo(2 * filePages);
    }

    @Test
    void aCompressedOrMisalignedBootfsIsAlwaysARootOfItsOwn() throws Exception {
        ZbiImage raw = TestImages.image(TestImages.zbi(files(), Compression.parse("none")), "raw.zbi");
        assertThat(raw.firstBootfs().orElseThrow().payloadOffset() % 4096).isNotZero();
        for (ZbiImage image : new ZbiImage[] {compressed(), raw}) {
            SpliceResult r = Splicer.splice(image, Strategy.TRANSFER, KernelEra.K2024, ProgressListener.NONE);
            assertThat(r.bootfsIsSnapshotOfZbi()).as(image.name()).isFalse();
        }
    }

    @Test
    void theKernelEraSetsProfileAndFlavourAndCloneSharecountPinsItsFlavour() {
        assertThat(Splicer.configFor(Strategy.CLONE, KernelEra.K2023).clones().name())
                .isEqualTo("LEGACY_CHAIN");
        assertThat(Splicer.configFor(Strategy.TRANSFER, KernelEra.K2024)
                        .profile()
                        .name())
                .isEqualTo("ZIRCON_2024");
        assertThat(Splicer.configFor(Strategy.CLONE_SHARECOUNT, KernelEra.K2023)
                        .clones()
                        .name())
                .isEqualTo("SHARE_COUNT");
        assertThat(Splicer.configFor(Strategy.CLONE_SHARECOUNT, KernelEra.K2023)
                        .profile()
                        .name())
                .isEqualTo("RFC_0223");
    }
}
