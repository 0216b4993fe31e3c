package dev.bootsplice.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Huge sizes, wrapping offsets, very long chains and memory exhaustion. */
class HostileInputTest {
    private static final int PAGE = 4096;
    private static final long TOP_PAGE = 0xFFFF_FFFF_FFFF_F000L;
    private static final long MAX_SIZE = 0xFFFF_FFFF_FFFF_E000L;

    private static void assertStatus(ZxStatus want, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ZxException.class).satisfies(e -> assertThat(((ZxException) e).status())
                .isEqualTo(want));
    }

    @Test
    void sizesThatOverflowOrExceedMaxSizeAreOutOfRange() {
        Kernel k = new Kernel(KernelConfig.defaults());
        assertStatus(ZxStatus.ERR_OUT_OF_RANGE, () -> k.vmoCreate(-1L, 0));
        assertStatus(ZxStatus.ERR_OUT_OF_RANGE, () -> k.vmoCreate(MAX_SIZE + 1, 0));
        int big = k.vmoCreate(MAX_SIZE, 0);
        assertThat(k.vmoGetSize(big)).isEqualTo(MAX_SIZE);
        int v = k.vmoCreate(PAGE, 0);
        assertStatus(ZxStatus.ERR_OUT_OF_RANGE, () -> k.vmoCreateChild(v, VmoOptions.CHILD_SNAPSHOT, 0, -1L));
        assertStatus(
                ZxStatus.ERR_OUT_OF_RANGE, () -> k.vmoCreateChild(v, VmoOptions.CHILD_SNAPSHOT, 0, MAX_SIZE + PAGE));
        k.checkInvariants();
    }

    @Test
    void aHugeSparseVmoCostsOnlyThePagesWritten() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int big = k.vmoCreate(MAX_SIZE, 0);
        byte[] b = {1, 2, 3};
        k.vmoWrite(big, b, 0, MAX_SIZE - 3, 3);
        k.vmoWrite(big, b, 0, 0, 3);
        byte[] back = new byte[3];
        k.vmoRead(big, back, 0, MAX_SIZE - 3, 3);
        assertThat(back).containsExactly(1, 2, 3);
        assertThat(k.ownedPages(big)).isEqualTo(2);
        int c = k.vmoCreateChild(big, VmoOptions.CHILD_SNAPSHOT, MAX_SIZE - PAGE, PAGE);
        k.vmoRead(c, back, 0, PAGE - 3, 3);
        assertThat(back).containsExactly(1, 2, 3);
        k.vmoOpRange(c, VmoOptions.OP_ZERO, 0, PAGE);
        k.vmoOpRange(big, VmoOptions.OP_ZERO, PAGE, MAX_SIZE - 2 * PAGE);
        k.vmoRead(big, back, 0, MAX_SIZE - 3, 3);
        assertThat(back).containsExactly(1, 2, 3);
        k.checkInvariants();
        k.handleClose(c);
        k.vmoOpRange(big, VmoOptions.OP_DECOMMIT, 0, MAX_SIZE);
        assertThat(k.stats().pagesAllocated()).isZero();
        k.checkInvariants();
    }

    @Test
    void offsetsThatWrapPast2To64AreRejectedWithoutSideEffects() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int v = k.vmoCreate(4 * PAGE, 0);
        Pages.fill(k, v, 0, 4, 'v');
        int d = k.vmoCreate(4 * PAGE, 0);
        byte[] buf = new byte[2 * PAGE];
        assertStatus(ZxStatus.ERR_OUT_OF_RANGE, () -> k.vmoRead(v, buf, 0, TOP_PAGE, 2 * PAGE));
        assertStatus(ZxStatus.ERR_OUT_OF_RANGE, () -> k.vmoWrite(v, buf, 0, TOP_PAGE, 2 * PAGE));
        assertStatus(ZxStatus.ERR_OUT_OF_RANGE, () -> k.vmoOpRange(v, VmoOptions.OP_ZERO, TOP_PAGE, 2 * PAGE));
        assertStatus(ZxStatus.ERR_OUT_OF_RANGE, () -> k.vmoOpRange(v, VmoOptions.OP_COMMIT, PAGE, -PAGE));
        assertStatus(ZxStatus.ERR_OUT_OF_RANGE, () -> k.vmoOpRange(v, VmoOptions.OP_DECOMMIT, PAGE, TOP_PAGE));
        assertStatus(ZxStatus.ERR_OUT_OF_RANGE, () -> k.vmoTransferData(d, 0, PAGE, TOP_PAGE, v, 0));
        assertStatus(ZxStatus.ERR_OUT_OF_RANGE, () -> k.vmoTransferData(d, 0, 0, PAGE, v, TOP_PAGE));
        assertStatus(ZxStatus.ERR_OUT_OF_RANGE, () -> k.vmoTransferData(d, 0, TOP_PAGE, 2 * PAGE, v, 0));
        assertStatus(
                ZxStatus.ERR_OUT_OF_RANGE, () -> k.vmoCreateChild(v, VmoOptions.CHILD_SNAPSHOT, TOP_PAGE, 2 * PAGE));
        assertStatus(ZxStatus.ERR_INVALID_ARGS, () -> k.vmoCreateChild(v, VmoOptions.CHILD_SLICE, TOP_PAGE, 2 * PAGE));
        assertStatus(ZxStatus.ERR_OUT_OF_RANGE, () -> k.btiPin(VmoOptions.BTI_PERM_READ, v, TOP_PAGE, 2 * PAGE));
        assertStatus(ZxStatus.ERR_OUT_OF_RANGE, () -> k.readPage(v, Long.MAX_VALUE, buf));
        assertStatus(ZxStatus.ERR_OUT_OF_RANGE, () -> k.lookupDepth(v, -1));
        assertThat(Pages.firstBytes(k, v)).containsExactly('v', 'v', 'v', 'v');
        assertThat(k.stats().pagesAllocated()).isEqualTo(4);
        k.checkInvariants();
    }

    @ParameterizedTest
    @EnumSource(CloneFlavour.class)
    void aChainOf100000ClonesNeitherOverflowsTheStackNorLeaks(CloneFlavour f) {
        int n = 100_000;
        Kernel k = new Kernel(KernelConfig.defaults().withClones(f));
        int a = k.vmoCreate(2 * PAGE, 0);
        Pages.fill(k, a, 0, 2, 'a');
        int[] c = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            c[i] = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 0, 2 * PAGE);
        }
        boolean legacy = f == CloneFlavour.LEGACY_CHAIN;
        byte[] page = new byte[PAGE];
        assertThat(k.readPage(a, 1, page)).isEqualTo(legacy ? n : 1);
        assertThat(page[0]).isEqualTo((byte) 'a');
        assertThat(k.lookupDepth(c[n], 0)).isEqualTo(legacy ? n : 1);
        assertThat(k.lookupDepth(c[n / 2], 0)).isEqualTo(legacy ? n / 2 : 1);
        Pages.fill(k, c[1], 0, 1, 'c');
        k.checkInvariants();
        k.handleClose(a);
        for (int i = n; i >= 1; i -= 2) {
            k.handleClose(c[i]);
        }
        for (int i = n - 1; i >= 1; i -= 2) {
            k.handleClose(c[i]);
        }
        k.checkInvariants();
        assertThat(k.stats().pagesAllocated()).isZero();
        assertThat(k.stats().hiddenNodes()).isZero();
        assertThat(k.stats().vmos()).isZero();
    }

    @ParameterizedTest
    @EnumSource(CloneFlavour.class)
    void runningOutOfMemoryMidwayKeepsInvariantsAndContent(CloneFlavour f) {
        Kernel k = new Kernel(KernelConfig.defaults().withClones(f).withMemoryLimitPages(20));
        int a = k.vmoCreate(8 * PAGE, 0);
        Pages.fillTagged(k, a, 8, 1);
        int[] c = new int[4];
        for (int i = 0; i < 4; i++) {
            c[i] = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 0, 8 * PAGE);
        }
        int failures = 0;
        Random rnd = new Random(1);
        for (int round = 0; round < 200; round++) {
            int h = c[rnd.nextInt(4)];
            int pageIndex = rnd.nextInt(8);
            try {
                k.vmoWrite(h, Pages.filled(100 + pageIndex), 0, (long) pageIndex * PAGE, PAGE);
            } catch (ZxException e) {
                assertThat(e.status()).isEqualTo(ZxStatus.ERR_NO_MEMORY);
                failures++;
            }
            k.checkInvariants();
            assertThat(k.stats().pagesAllocated()).isLessThanOrEqualTo(20);
        }
        assertThat(failures).isPositive();
        for (int h : c) {
            int[] bytes = Pages.firstBytes(k, h);
            for (int i = 0; i < 8; i++) {
                assertThat(bytes[i])
                        .as("page %d is either old or new, never torn", i)
                        .isIn(i + 1, 100 + i);
            }
        }
        assertThat(Pages.firstBytes(k, a)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        int src = k.vmoCreate(PAGE, 0);
        assertStatus(ZxStatus.ERR_NO_MEMORY, () -> {
            for (int i = 0; i < 100; i++) {
                k.vmoOpRange(k.vmoCreate(8 * PAGE, 0), VmoOptions.OP_COMMIT, 0, 8 * PAGE);
            }
        });
        k.checkInvariants();
        k.handleClose(src);
    }

    @Test
    void aHugeSparseShippedTransferTouchesOnlyThePagesThatExist() {
        Kernel k = new Kernel(KernelConfig.defaults().withProfile(TransferProfile.ZIRCON_2024));
        long huge = 1L << 40; // 2^28 pages, almost all of them holes
        int src = k.vmoCreate(huge, 0);
        Pages.fill(k, src, 0, 1, 's');
        Pages.fill(k, src, (int) ((huge >>> 12) - 1), 1, 't');
        int small = k.vmoCreate(PAGE, 0);
        // The source is taken before the destination's range check fails (shipped order): lost.
        assertStatus(ZxStatus.ERR_OUT_OF_RANGE, () -> k.vmoTransferData(small, 0, 0, huge, src, 0));
        assertThat(k.stats().pagesAllocated()).isZero();
        Pages.fill(k, src, 0, 1, 's');
        int dst = k.vmoCreate(huge, 0);
        k.vmoTransferData(dst, 0, 0, huge, src, 0);
        assertThat(k.ownedPages(dst)).isEqualTo(1);
        assertThat(k.stats().pagesMoved()).isEqualTo(1);
        k.checkInvariants();
    }

    @Test
    void transferRunningOutOfMemoryMovesAPrefixUnderRfc() {
        Kernel k = new Kernel(KernelConfig.defaults().withMemoryLimitPages(10));
        int a = k.vmoCreate(4 * PAGE, 0);
        Pages.fill(k, a, 0, 4, 'a');
        int c1 = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 0, 4 * PAGE);
        int dst = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 0, 4 * PAGE);
        int src = k.vmoCreate(4 * PAGE, 0);
        Pages.fill(k, src, 0, 4, 's');
        assertStatus(ZxStatus.ERR_NO_MEMORY, () -> k.vmoTransferData(dst, 0, 0, 4 * PAGE, src, 0));
        k.checkInvariants();
        assertThat(Pages.firstBytes(k, dst)).containsExactly('s', 's', 'a', 'a');
        assertThat(Pages.firstBytes(k, src)).containsExactly(0, 0, 's', 's');
        assertThat(Pages.firstBytes(k, c1)).containsExactly('a', 'a', 'a', 'a');
        assertThat(k.stats().pagesMoved()).isEqualTo(2);
    }

    @Test
    void handleValuesAreNeverReusedAndStaleHandlesAreBad() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int v = k.vmoCreate(PAGE, 0);
        k.handleClose(v);
        int w = k.vmoCreate(PAGE, 0);
        assertThat(w).isNotEqualTo(v);
        assertStatus(ZxStatus.ERR_BAD_HANDLE, () -> k.vmoGetSize(v));
        assertStatus(ZxStatus.ERR_BAD_HANDLE, () -> k.handleClose(v));
        k.handleClose(0);
        assertStatus(ZxStatus.ERR_INVALID_ARGS, () -> k.handleDuplicate(w, Rights.DEFAULT_VMO | Rights.EXECUTE));
        int r = k.handleReplace(w, Rights.READ);
        assertStatus(ZxStatus.ERR_BAD_HANDLE, () -> k.vmoGetSize(w));
        assertStatus(ZxStatus.ERR_ACCESS_DENIED, () -> k.handleDuplicate(r, Rights.SAME_RIGHTS));
        k.checkInvariants();
    }
}
