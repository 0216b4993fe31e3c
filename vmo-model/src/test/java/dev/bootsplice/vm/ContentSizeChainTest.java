package dev.bootsplice.vm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Setting a content size on each snapshot of a LEGACY_CHAIN BOOTFS chain, as the splicer's boot code
 * does, forks each file's partial last page the way the split-bit kernel does (vsrinivas/fuchsia
 * {@code zircon/kernel/vm/vm_cow_pages.cc} {@code CloneCowPageLocked}): the page migrates down every
 * hidden level where only one side still sees it and stays in the file's own hidden node, the lowest
 * level both sides see, while the file gets the copy.
 */
class ContentSizeChainTest {
    private static final int PAGE = 4096;
    private static final int FILES = 200;

    @Test
    void eachFilesTailPageEndsInThatFilesOwnHiddenNodeAndTheCopyInTheFile() {
        Kernel k = new Kernel(KernelConfig.defaults().withClones(CloneFlavour.LEGACY_CHAIN));
        int image = k.vmoCreate(2L * FILES * PAGE, 0);
        Pages.fill(k, image, 0, 2 * FILES, 'a');
        int[] file = new int[FILES + 1];
        for (int i = 1; i <= FILES; i++) {
            file[i] = k.vmoCreateChild(image, VmoOptions.CHILD_SNAPSHOT, 2L * (i - 1) * PAGE, 2 * PAGE);
            k.setContentSize(file[i], PAGE + PAGE / 2);
        }
        k.checkInvariants();
        for (int i = 1; i <= FILES; i++) {
            CowPages hidden = k.handles.resolve(file[i], Vmo.class, Rights.NONE).node.parent;
            assertThat(hidden.hidden).isTrue();
            if (i == 1) {
                // The chain's root-most hidden node keeps every page nobody forked, and file 1's tail.
                assertThat(hidden.pages.size()).isEqualTo(FILES + 1);
                assertThat(hidden.pages.get(1)).isNotNull();
                assertThat(hidden.pages.get(3)).isNull();
            } else {
                assertThat(hidden.pages.indices()).containsExactly(2L * (i - 1) + 1);
            }
            assertThat(k.lookupDepth(file[i], 0)).isEqualTo(i);
            assertThat(k.lookupDepth(file[i], 1)).isZero();
            assertThat(k.lookupDepth(image, 2L * (i - 1) + 1)).isEqualTo(FILES - i + 1);
        }
        k.checkInvariants(); // the skips the lookups cached, holes included, agree with the tree
        assertThat(k.stats().pagesCopied()).isEqualTo(FILES);
        assertThat(k.stats().pagesMigrated()).isEqualTo((long) FILES * (FILES - 1) / 2);
    }
}
