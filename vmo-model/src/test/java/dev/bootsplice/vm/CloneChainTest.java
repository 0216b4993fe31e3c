package dev.bootsplice.vm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Structure and page accounting of clone trees in both flavours (zircon-vm.md §6, §7.3, §9.5). */
class CloneChainTest {
    private static final int PAGE = 4096;

    private static Kernel kernel(CloneFlavour f) {
        return new Kernel(KernelConfig.defaults().withClones(f));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 16, 64})
    void kthSuccessiveSnapshotHasLookupDepthKInLegacyChain(int n) {
        Kernel k = kernel(CloneFlavour.LEGACY_CHAIN);
        int a = k.vmoCreate(4 * PAGE, 0);
        Pages.fill(k, a, 0, 4, 'a');
        int[] c = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            c[i] = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 0, 4 * PAGE);
        }
        byte[] buf = new byte[PAGE];
        for (int i = 1; i <= n; i++) {
            assertThat(k.lookupDepth(c[i], 3)).isEqualTo(i);
            assertThat(k.readPage(c[i], 3, buf)).isEqualTo(i);
            assertThat(k.structuralDepth(c[i])).isEqualTo(i);
        }
        assertThat(k.lookupDepth(a, 0)).isEqualTo(n);
        assertThat(k.stats().hiddenNodes()).isEqualTo(n);
        assertThat(k.hopHistogram().total()).isEqualTo(n);
        assertThat(k.hopHistogram().max()).isEqualTo(n);
        assertThat(k.hopHistogram().mean()).isEqualTo((n + 1) / 2.0);
        assertThat(k.stats().pagesAllocated()).isEqualTo(4);
        k.checkInvariants();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 16, 64})
    void successiveSnapshotsOfAnUnmodifiedVmoShareOneHiddenNodeInShareCount(int n) {
        Kernel k = kernel(CloneFlavour.SHARE_COUNT);
        int a = k.vmoCreate(4 * PAGE, 0);
        Pages.fill(k, a, 0, 4, 'a');
        for (int i = 1; i <= n; i++) {
            int c = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 0, 4 * PAGE);
            assertThat(k.lookupDepth(c, 3)).isEqualTo(1);
        }
        assertThat(k.lookupDepth(a, 0)).isEqualTo(1);
        assertThat(k.stats().hiddenNodes()).isEqualTo(1);
        assertThat(k.describeTree()).contains("hidden#").contains("owned=4");
        k.checkInvariants();
    }

    @ParameterizedTest
    @EnumSource(CloneFlavour.class)
    void closingChildrenMergesHiddenNodesAndFreesExactlyTheInvisiblePages(CloneFlavour f) {
        Kernel k = kernel(f);
        int a = k.vmoCreate(4 * PAGE, 0);
        Pages.fillTagged(k, a, 4, 1);
        int c1 = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 0, 4 * PAGE);
        int c2 = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 2 * PAGE, 2 * PAGE);
        Pages.fill(k, a, 0, 1, 'x');
        Pages.fill(k, c1, 3, 1, 'y');
        long allocated = k.stats().pagesAllocated();
        assertThat(allocated).isEqualTo(6);
        k.checkInvariants();

        // c1 alone saw the old page 0 and 1 besides a: old page 0 is now invisible to everyone but c1.
        k.handleClose(c1);
        k.checkInvariants();
        assertThat(k.stats().pagesAllocated())
                .as("c1's own page and the old page 0 go")
                .isEqualTo(4);
        assertThat(Pages.firstBytes(k, a)).containsExactly('x', 2, 3, 4);
        assertThat(Pages.firstBytes(k, c2)).containsExactly(3, 4);

        k.handleClose(a);
        k.checkInvariants();
        assertThat(k.stats().pagesAllocated()).as("only c2's two pages stay").isEqualTo(2);
        assertThat(k.stats().hiddenNodes()).isZero();
        assertThat(k.ownedPages(c2)).isEqualTo(2);
        assertThat(k.lookupDepth(c2, 0)).isZero();
        assertThat(Pages.firstBytes(k, c2)).containsExactly(3, 4);
        k.handleClose(c2);
        assertThat(k.stats().pagesAllocated()).isZero();
        assertThat(k.stats().pagesFreed())
                .isEqualTo(k.stats().pagesZeroed() + k.stats().pagesCopied());
        k.checkInvariants();
    }

    @ParameterizedTest
    @EnumSource(CloneFlavour.class)
    void mergeKeepsTheSurvivorsOwnPagesAndFreesTheShadowedOnes(CloneFlavour f) {
        Kernel k = kernel(f);
        int a = k.vmoCreate(4 * PAGE, 0);
        Pages.fillTagged(k, a, 4, 1);
        int c1 = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 0, 4 * PAGE);
        Pages.fill(k, a, 0, 1, 'x');
        int c2 = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 0, 4 * PAGE);
        long freedBefore = k.stats().pagesFreed();
        k.handleClose(c1);
        k.checkInvariants();
        assertThat(k.stats().pagesFreed() - freedBefore)
                .as("only c1's view of the old page 0 goes")
                .isEqualTo(1);
        assertThat(k.stats().pagesAllocated()).isEqualTo(4);
        assertThat(Pages.firstBytes(k, a)).containsExactly('x', 2, 3, 4);
        assertThat(Pages.firstBytes(k, c2)).containsExactly('x', 2, 3, 4);
        assertThat(k.stats().hiddenNodes()).isEqualTo(1);
        assertThat(k.lookupDepth(c2, 0)).isEqualTo(1);
        assertThat(k.lookupDepth(c2, 3)).isEqualTo(1);
    }

    @Test
    void closingTheKthCloneShortensEveryDeeperNodeByOneInLegacyChain() {
        Kernel k = kernel(CloneFlavour.LEGACY_CHAIN);
        int a = k.vmoCreate(PAGE, 0);
        Pages.fill(k, a, 0, 1, 'a');
        int[] c = new int[6];
        for (int i = 1; i <= 5; i++) {
            c[i] = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 0, PAGE);
        }
        k.handleClose(c[3]);
        assertThat(k.stats().hiddenNodes()).isEqualTo(4);
        assertThat(new int[] {
                    k.lookupDepth(c[1], 0), k.lookupDepth(c[2], 0), k.lookupDepth(c[4], 0), k.lookupDepth(c[5], 0)
                })
                .containsExactly(1, 2, 3, 4);
        assertThat(k.lookupDepth(a, 0)).isEqualTo(4);
        k.checkInvariants();
    }

    @ParameterizedTest
    @EnumSource(CloneFlavour.class)
    void writeDeepInAChainCopiesOncePerSharedLevelInLegacyAndOnceInShareCount(CloneFlavour f) {
        Kernel k = kernel(f);
        int a = k.vmoCreate(PAGE, 0);
        Pages.fill(k, a, 0, 1, 'a');
        int n = 10;
        int last = 0;
        for (int i = 1; i <= n; i++) {
            last = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 0, PAGE);
        }
        Pages.fill(k, last, 0, 1, 'z');
        assertThat(k.stats().pagesCopied()).isEqualTo(f == CloneFlavour.LEGACY_CHAIN ? n : 1);
        k.checkInvariants();
    }

    @Test
    void transferredVmoIsARootWithDepthZero() {
        Kernel k = kernel(CloneFlavour.LEGACY_CHAIN);
        int bootfs = k.vmoCreate(8 * PAGE, 0);
        Pages.fillTagged(k, bootfs, 8, 1);
        for (int i = 0; i < 4; i++) {
            int file = k.vmoCreate(2 * PAGE, 0);
            k.vmoTransferData(file, 0, 0, 2 * PAGE, bootfs, 2L * i * PAGE);
            assertThat(k.lookupDepth(file, 1)).isZero();
            assertThat(Pages.firstBytes(k, file)).containsExactly(2 * i + 1, 2 * i + 2);
        }
        assertThat(k.stats().pagesMoved()).isEqualTo(8);
        assertThat(k.stats().pagesCopied()).isZero();
        assertThat(k.ownedPages(bootfs)).isZero();
        k.checkInvariants();
    }
}
