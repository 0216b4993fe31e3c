package dev.bootsplice.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The vmo-clone2 tests that need more than the scenario language: Info, ManyChildren, Children, Uncached; the user pager. */
class VmoInfoTest {
    private static final int PAGE = 4096;

    private static void assertStatus(ZxStatus want, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ZxException.class).satisfies(e -> assertThat(((ZxException) e).status())
                .isEqualTo(want));
    }

    @Test
    void infoReportsParentKoidAndDirectChildCount() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int p = k.vmoCreate(PAGE, 0);
        int[] c = new int[5];
        for (int i = 0; i < 5; i++) {
            c[i] = k.vmoCreateChild(p, VmoOptions.CHILD_SNAPSHOT, 0, PAGE);
            assertThat(k.parentKoid(c[i])).isEqualTo(k.koid(p));
        }
        assertThat(k.numChildren(p)).isEqualTo(5);
        assertThat(k.parentKoid(p)).isZero();
        int grandchild = k.vmoCreateChild(c[0], VmoOptions.CHILD_SLICE, 0, PAGE);
        assertThat(k.numChildren(p)).isEqualTo(5);
        k.handleClose(c[0]);
        assertThat(k.parentKoid(grandchild))
                .as("re-attached to the dead VMO's parent")
                .isEqualTo(k.koid(p));
        assertThat(k.numChildren(p)).isEqualTo(5);
    }

    @Test
    void zeroChildrenHoldsUntilAChildIsCreatedAndAgainWhenTheLastGoes() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int p = k.vmoCreate(PAGE, 0);
        assertThat(k.numChildren(p)).isZero();
        int c1 = k.vmoCreateChild(p, VmoOptions.CHILD_SNAPSHOT, 0, PAGE);
        int c2 = k.vmoCreateChild(p, VmoOptions.CHILD_SLICE, 0, PAGE);
        assertThat(k.numChildren(p)).isEqualTo(2);
        k.handleClose(c1);
        assertThat(k.numChildren(p)).isEqualTo(1);
        k.handleClose(c2);
        assertThat(k.numChildren(p)).isZero();
    }

    @Test
    void uncachedVmosRefuseCopyOnWriteChildrenButAllowSlices() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int v = k.vmoCreate(2 * PAGE, 0);
        k.vmoSetCachePolicy(v, 1);
        assertStatus(ZxStatus.ERR_BAD_STATE, () -> k.vmoCreateChild(v, VmoOptions.CHILD_SNAPSHOT, 0, PAGE));
        assertStatus(
                ZxStatus.ERR_BAD_STATE,
                () -> k.vmoCreateChild(v, VmoOptions.CHILD_SNAPSHOT_AT_LEAST_ON_WRITE, 0, PAGE));
        assertStatus(ZxStatus.ERR_BAD_STATE, () -> k.vmoCreateChild(v, VmoOptions.CHILD_REFERENCE, 0, 0));
        assertStatus(ZxStatus.ERR_BAD_STATE, () -> k.vmoOpRange(v, VmoOptions.OP_ZERO, 0, PAGE));
        int s = k.vmoCreateChild(v, VmoOptions.CHILD_SLICE, 0, PAGE);
        assertStatus(ZxStatus.ERR_BAD_STATE, () -> k.vmoCreateChild(s, VmoOptions.CHILD_SNAPSHOT, 0, PAGE));
        assertStatus(ZxStatus.ERR_OUT_OF_RANGE, () -> k.vmoCreateChild(v, VmoOptions.CHILD_SNAPSHOT, 0, -1L));
        int w = k.vmoCreate(PAGE, 0);
        k.vmoWrite(w, new byte[1], 0, 0, 1);
        assertStatus(ZxStatus.ERR_BAD_STATE, () -> k.vmoSetCachePolicy(w, 1));
        assertStatus(ZxStatus.ERR_INVALID_ARGS, () -> k.vmoSetCachePolicy(v, 4));
        int nomap = k.handleDuplicate(w, Rights.READ);
        assertStatus(ZxStatus.ERR_ACCESS_DENIED, () -> k.vmoSetCachePolicy(nomap, 0));
    }

    @Test
    void userPagerSuppliesMissingPagesOnDemand() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int p = k.pagerCreateVmo(3 * PAGE, 0);
        byte[] buf = new byte[PAGE];
        assertStatus(ZxStatus.ERR_SHOULD_WAIT, () -> k.readPage(p, 0, buf));
        long koid = k.koid(p);
        k.setUserPager((vmoKoid, page) -> vmoKoid == koid && page != 2 ? Pages.filled('0' + (int) page) : null);
        assertThat(k.readPage(p, 1, buf)).isZero();
        assertThat(buf[0]).isEqualTo((byte) '1');
        int child = k.vmoCreateChild(p, VmoOptions.CHILD_SNAPSHOT_AT_LEAST_ON_WRITE, 0, 3 * PAGE);
        assertThat(k.readPage(child, 0, buf)).isEqualTo(1);
        assertThat(buf[0]).isEqualTo((byte) '0');
        assertStatus(ZxStatus.ERR_SHOULD_WAIT, () -> k.vmoWrite(child, new byte[1], 0, 2 * PAGE, 1));
        k.vmoWrite(child, new byte[] {'w'}, 0, PAGE, 1);
        k.vmoRead(p, buf, 0, PAGE, 1);
        assertThat(buf[0])
                .as("a fork of a pager page copies; the pager VMO is unchanged")
                .isEqualTo((byte) '1');
        assertThat(k.ownedPages(p)).isEqualTo(2);
        assertThat(k.ownedPages(child)).isEqualTo(1);
        k.checkInvariants();
    }
}
