package dev.bootsplice.vm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Cached lookup skips over page-less hidden nodes change no hop count: deep LEGACY_CHAIN chains
 * still walk exactly k hops, and writes, offsets and merges that change the chain change the hops.
 */
class LookupSkipTest {
    private static final int PAGE = 4096;
    private static final int N = 3000;

    private static Kernel chain(int[] c) {
        Kernel k = new Kernel(KernelConfig.defaults().withClones(CloneFlavour.LEGACY_CHAIN));
        int a = k.vmoCreate(4 * PAGE, 0);
        Pages.fill(k, a, 0, 4, 'a');
        for (int i = 1; i < c.length; i++) {
            c[i] = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 0, 4 * PAGE);
        }
        return k;
    }

    @Test
    void theKthOfThousandsOfSnapshotsStillWalksKHopsEveryTime() {
        int[] c = new int[N + 1];
        Kernel k = chain(c);
        byte[] buf = new byte[PAGE];
        for (int round = 0; round < 2; round++) {
            for (int i = 1; i <= N; i++) {
                assertThat(k.readPage(c[i], i & 3, buf)).isEqualTo(i);
                assertThat(buf[0]).isEqualTo((byte) 'a');
            }
        }
        k.checkInvariants();
    }

    @Test
    void closingAMiddleSnapshotShortensEveryDeeperLookupByOneHop() {
        int[] c = new int[N + 1];
        Kernel k = chain(c);
        assertThat(k.lookupDepth(c[N], 0)).isEqualTo(N);
        k.handleClose(c[N / 2]);
        k.checkInvariants();
        assertThat(k.lookupDepth(c[N / 2 - 1], 0)).isEqualTo(N / 2 - 1);
        assertThat(k.lookupDepth(c[N / 2 + 1], 0)).isEqualTo(N / 2);
        assertThat(k.lookupDepth(c[N], 0)).isEqualTo(N - 1);
        k.checkInvariants();
    }

    @Test
    void aWriteDeepInTheChainPutsCopiesIntoTheHiddenLevelsAndShortensLaterLookups() {
        int[] c = new int[N + 1];
        Kernel k = chain(c);
        assertThat(k.lookupDepth(c[N - 1], 1)).isEqualTo(N - 1);
        Pages.fill(k, c[N], 1, 1, 'z');
        k.checkInvariants();
        // The fork left a copy one level above each side that still shares the page, so the
        // neighbouring clone now finds page 1 right above itself.
        assertThat(k.lookupDepth(c[N], 1)).isZero();
        assertThat(k.lookupDepth(c[N - 1], 1)).isEqualTo(1);
        assertThat(k.stats().pagesCopied()).isEqualTo(N);
        assertThat(k.lookupDepth(c[N - 1], 0)).isEqualTo(N - 1);
        byte[] buf = new byte[PAGE];
        k.readPage(c[N - 1], 1, buf);
        assertThat(buf[0]).isEqualTo((byte) 'a');
        k.checkInvariants();
    }
}
