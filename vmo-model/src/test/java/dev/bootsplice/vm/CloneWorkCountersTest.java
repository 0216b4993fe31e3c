package dev.bootsplice.vm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The per-page work RFC-0254 moved into clone creation and child destruction is counted in
 * {@link VmStats}: share-count increments at creation, releases at close, and PARENT_CONTENT's
 * markers.
 */
class CloneWorkCountersTest {
    private static final int PAGE = 4096;
    private static final int PAGES = 8;

    /** A of 8 written pages, three full SNAPSHOTs, then every clone closed. */
    private static VmStats[] snapshotsThenClose(CloneFlavour flavour) {
        Kernel k = new Kernel(KernelConfig.defaults().withClones(flavour));
        int a = k.vmoCreate(PAGES * PAGE, 0);
        k.vmoWrite(a, new byte[PAGES * PAGE], 0, 0, PAGES * PAGE);
        int[] c = new int[3];
        for (int i = 0; i < c.length; i++) {
            c[i] = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 0, PAGES * PAGE);
        }
        VmStats created = k.stats();
        for (int h : c) {
            k.handleClose(h);
            k.checkInvariants();
        }
        return new VmStats[] {created, k.stats()};
    }

    @Test
    void shareCountCloneCreationAndCloseEachTouchEveryParentPage() {
        VmStats[] s = snapshotsThenClose(CloneFlavour.SHARE_COUNT);
        assertThat(s[0].cloneShareCountIncrements()).isEqualTo(3L * PAGES);
        assertThat(s[0].closeShareCountReleases()).isZero();
        assertThat(s[1].closeShareCountReleases()).isEqualTo(3L * PAGES);
        assertThat(s[1].cloneParentContentMarkers()).isZero();
    }

    @Test
    void parentContentAlsoWritesOneMarkerPerSharedPageAndOnePerPageOfTheConvertedNode() {
        VmStats[] s = snapshotsThenClose(CloneFlavour.PARENT_CONTENT);
        assertThat(s[0].cloneShareCountIncrements()).isEqualTo(3L * PAGES);
        assertThat(s[0].cloneParentContentMarkers()).isEqualTo(PAGES + 3L * PAGES);
        assertThat(s[1].closeShareCountReleases()).isEqualTo(3L * PAGES);
    }

    @Test
    void legacyChainClonesAreConstantTimeAndCountNoShareWork() {
        VmStats[] s = snapshotsThenClose(CloneFlavour.LEGACY_CHAIN);
        assertThat(s[1].cloneShareCountIncrements()).isZero();
        assertThat(s[1].closeShareCountReleases()).isZero();
        assertThat(s[1].cloneParentContentMarkers()).isZero();
        assertThat(s[1].hiddenNodes()).isZero();
    }

    @Test
    void aCloneOfAnUnwrittenRangeSharesNothing() {
        for (CloneFlavour f : CloneFlavour.values()) {
            Kernel k = new Kernel(KernelConfig.defaults().withClones(f));
            int a = k.vmoCreate(PAGES * PAGE, 0);
            k.vmoWrite(a, new byte[PAGE], 0, 0, PAGE);
            k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, PAGE, 4 * PAGE);
            assertThat(k.stats().cloneShareCountIncrements()).as(f.name()).isZero();
        }
    }
}
