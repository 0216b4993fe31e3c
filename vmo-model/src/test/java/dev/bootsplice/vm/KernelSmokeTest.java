package dev.bootsplice.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KernelSmokeTest {
    private static final int PAGE = 4096;

    @Test
    void writtenBytesReadBack() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int h = k.vmoCreate(3 * PAGE, 0);
        Pages.fillTagged(k, h, 3, 1);
        assertThat(Pages.firstBytes(k, h)).containsExactly(1, 2, 3);
        assertThat(k.ownedPages(h)).isEqualTo(3);
        assertThat(k.stats().pagesZeroed()).isEqualTo(3);
        k.checkInvariants();
    }

    @Test
    void snapshotDoesNotSeeLaterParentWrites() {
        for (CloneFlavour f : CloneFlavour.values()) {
            Kernel k = new Kernel(KernelConfig.defaults().withClones(f));
            int a = k.vmoCreate(4 * PAGE, 0);
            Pages.fillTagged(k, a, 4, 10);
            int c = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, PAGE, 2 * PAGE);
            Pages.fill(k, a, 1, 1, 99);
            assertThat(Pages.firstBytes(k, c)).containsExactly(11, 12);
            assertThat(Pages.firstBytes(k, a)).containsExactly(10, 99, 12, 13);
            Pages.fill(k, c, 1, 1, 77);
            assertThat(Pages.firstBytes(k, a)).containsExactly(10, 99, 12, 13);
            assertThat(Pages.firstBytes(k, c)).containsExactly(11, 77);
            k.checkInvariants();
            k.handleClose(c);
            k.checkInvariants();
            k.handleClose(a);
            k.checkInvariants();
            assertThat(k.stats().pagesAllocated()).isZero();
        }
    }

    @Test
    void transferMovesPagesWithoutCopying() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int src = k.vmoCreate(5 * PAGE, 0);
        Pages.fill(k, src, 0, 5, 's');
        int dst = k.vmoCreate(5 * PAGE, 0);
        Pages.fill(k, dst, 0, 5, 'd');
        k.vmoTransferData(dst, 0, 2 * PAGE, 3 * PAGE, src, 0);
        assertThat(Pages.firstBytes(k, dst)).containsExactly('d', 'd', 's', 's', 's');
        assertThat(Pages.firstBytes(k, src)).containsExactly(0, 0, 0, 's', 's');
        assertThat(k.stats().pagesMoved()).isEqualTo(3);
        assertThat(k.stats().pagesCopied()).isZero();
        k.checkInvariants();
    }

    @Test
    void successiveSnapshotsBuildAChainOnlyInLegacy() {
        int n = 8;
        for (CloneFlavour f : CloneFlavour.values()) {
            Kernel k = new Kernel(KernelConfig.defaults().withClones(f));
            int a = k.vmoCreate(2 * PAGE, 0);
            Pages.fill(k, a, 0, 2, 1);
            int[] c = new int[n + 1];
            for (int i = 1; i <= n; i++) {
                c[i] = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 0, 2 * PAGE);
            }
            for (int i = 1; i <= n; i++) {
                assertThat(k.lookupDepth(c[i], 0)).as("%s C%d", f, i).isEqualTo(f == CloneFlavour.LEGACY_CHAIN ? i : 1);
            }
            assertThat(k.lookupDepth(a, 0)).isEqualTo(f == CloneFlavour.LEGACY_CHAIN ? n : 1);
            k.checkInvariants();
        }
    }

    @Test
    void badHandleBeatsEverything() {
        Kernel k = new Kernel(KernelConfig.defaults());
        assertThatThrownBy(() -> k.vmoGetSize(12345))
                .isInstanceOf(ZxException.class)
                .extracting(e -> ((ZxException) e).status())
                .isEqualTo(ZxStatus.ERR_BAD_HANDLE);
    }
}
