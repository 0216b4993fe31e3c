package dev.bootsplice.vm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** describeTree() and toDot() show koids, kinds, names, sizes, owned pages and hidden nodes. */
class TreeDumpTest {
    private static final int PAGE = 4096;

    @Test
    void treeTextIndentsChildrenUnderTheirHiddenParent() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int a = k.vmoCreate(3 * PAGE, 0);
        k.setName(a, "bootfs");
        Pages.fill(k, a, 0, 3, 'a');
        int c = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, PAGE, PAGE);
        k.setName(c, "bin/sh");
        int s = k.vmoCreateChild(c, VmoOptions.CHILD_SLICE, 0, PAGE);
        String text = k.describeTree();
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("hidden#").contains("size=3p owned=3");
        assertThat(lines[1])
                .startsWith("  node#")
                .contains("koid=" + k.koid(a) + " anonymous \"bootfs\"")
                .contains("owned=0");
        assertThat(lines[2])
                .startsWith("  node#")
                .contains("koid=" + k.koid(c) + " snapshot \"bin/sh\"")
                .contains("koid=" + k.koid(s) + " slice[+0p,1p]")
                .contains("at=+1p limit=1p");
        assertThat(k.getName(c)).isEqualTo("bin/sh");
    }

    @Test
    void dotHasOneNodePerCowNodeAndOneEdgePerParentLink() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int a = k.vmoCreate(PAGE, 0);
        k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 0, PAGE);
        k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 0, PAGE);
        String dot = k.toDot();
        assertThat(dot).startsWith("digraph vmo {").endsWith("}\n");
        assertThat(dot.lines()
                        .filter(l -> l.contains("[label=") && !l.contains("->"))
                        .count())
                .isEqualTo(5);
        assertThat(dot.lines().filter(l -> l.contains("->")).count()).isEqualTo(4);
        assertThat(dot.lines().filter(l -> l.contains("fillcolor=lightgrey")).count())
                .isEqualTo(2);
        assertThat(k.toDot()).as("deterministic output").isEqualTo(dot);
        assertThat(dot.indexOf("  n1 [")).isLessThan(dot.indexOf("  n2 ["));
    }

    @Test
    void longNamesAreTruncatedTo31Bytes() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int a = k.vmoCreate(PAGE, 0);
        k.setName(a, "x".repeat(40));
        assertThat(k.getName(a)).hasSize(31);
    }
}
