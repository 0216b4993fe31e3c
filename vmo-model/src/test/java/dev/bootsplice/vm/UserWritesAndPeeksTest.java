package dev.bootsplice.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code VmStats.pagesWrittenFromUser} and {@link Kernel#peekPage}, the queries clients read. */
class UserWritesAndPeeksTest {
    private static final int PAGE = 4096;

    @Test
    void aWriteCountsEveryPageItTouchesOnceAndNoneAsACopy() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int h = k.vmoCreate(4 * PAGE, 0);
        k.vmoWrite(h, new byte[PAGE + 2], 0, PAGE - 1, PAGE + 2); // the end of page 0, all of 1, the start of 2
        assertThat(k.stats().pagesWrittenFromUser()).isEqualTo(3);
        assertThat(k.stats().pagesCopied()).isZero();
        assertThat(k.stats().pagesZeroed()).isEqualTo(3);
        k.vmoWrite(h, new byte[1], 0, 0, 1); // an owned page: written, not allocated
        k.vmoWriteFill(h, 3 * PAGE, PAGE, (byte) 7);
        assertThat(k.stats().pagesWrittenFromUser()).isEqualTo(5);
        assertThat(k.stats().pagesZeroed()).isEqualTo(4);
    }

    @Test
    void aWriteIntoASnapshotCountsTheForkAsACopyAndThePageAsWritten() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int parent = k.vmoCreate(PAGE, 0);
        k.vmoWriteFill(parent, 0, PAGE, (byte) 1);
        int child = k.vmoCreateChild(parent, VmoOptions.CHILD_SNAPSHOT, 0, PAGE);
        long copiedBefore = k.stats().pagesCopied();
        k.vmoWrite(child, new byte[] {2}, 0, 0, 1);
        assertThat(k.stats().pagesCopied() - copiedBefore).isEqualTo(1);
        assertThat(k.stats().pagesWrittenFromUser()).isEqualTo(2);
    }

    @Test
    void aRefusedWriteCountsNothing() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int h = k.vmoCreate(PAGE, 0);
        assertThatThrownBy(() -> k.vmoWrite(h, new byte[2], 0, PAGE - 1, 2)).isInstanceOf(ZxException.class);
        assertThat(k.stats().pagesWrittenFromUser()).isZero();
    }

    @Test
    void peekPageTellsContentZeroAndUnsuppliedApartWithoutCommittingOrRecording() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int h = k.vmoCreate(2 * PAGE, 0);
        k.vmoWrite(h, new byte[] {9}, 0, PAGE, 1);
        byte[] peeked = k.peekPage(h, 1);
        assertThat(peeked).hasSize(PAGE).startsWith((byte) 9);
        peeked[0] = 0;
        assertThat(k.peekPage(h, 1)[0]).as("a copy, not the model's page").isEqualTo((byte) 9);
        assertThat(k.peekPage(h, 0)).isEmpty();
        assertThat(k.ownedPages(h)).isEqualTo(1);
        assertThat(k.hopHistogram().total()).isZero();
        int pager = k.pagerCreateVmo(PAGE, 0);
        assertThat(k.peekPage(pager, 0)).isNull();
        assertThatThrownBy(() -> k.peekPage(h, 2))
                .isInstanceOf(ZxException.class)
                .extracting(e -> ((ZxException) e).status())
                .isEqualTo(ZxStatus.ERR_OUT_OF_RANGE);
    }
}
