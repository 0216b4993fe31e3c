package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameFilterTest {
    @Test
    void starMatchesAcrossSlashes() {
        assertThat(NameFilter.matches("bin/*", "bin/sub/app")).isTrue();
        assertThat(NameFilter.matches("*.so", "lib/x/libc.so")).isTrue();
        assertThat(NameFilter.matches("*.so", "lib/libc.so.6")).isFalse();
        assertThat(NameFilter.matches("*", "")).isTrue();
    }

    @Test
    void questionMarkClassesAndEscapesFollowFnmatch() {
        assertThat(NameFilter.matches("lib/?.txt", "lib/a.txt")).isTrue();
        assertThat(NameFilter.matches("lib/?.txt", "lib/ab.txt")).isFalse();
        assertThat(NameFilter.matches("[a-c]x", "bx")).isTrue();
        assertThat(NameFilter.matches("[!a-c]x", "bx")).isFalse();
        assertThat(NameFilter.matches("[]]x", "]x")).isTrue();
        assertThat(NameFilter.matches("a\\*", "a*")).isTrue();
        assertThat(NameFilter.matches("a\\*", "ab")).isFalse();
        assertThat(NameFilter.matches("[ab", "[ab")).isTrue();
    }

    @Test
    void backtrackingFindsTheLaterMatch() {
        assertThat(NameFilter.matches("*a*b", "xaxxayb")).isTrue();
        assertThat(NameFilter.matches("*a*b", "xaxxayc")).isFalse();
    }

    @Test
    void excludesApplyAfterIncludesAndAloneExcludeFromEverything() {
        NameFilter f = NameFilter.of(List.of("bin/*", "lib/*", "!lib/debug/*"));
        assertThat(f.selects("bin/sh")).isTrue();
        assertThat(f.selects("lib/libc.so")).isTrue();
        assertThat(f.selects("lib/debug/libc.so")).isFalse();
        assertThat(f.selects("data/x")).isFalse();

        NameFilter onlyExclude = NameFilter.of(List.of("^*.txt"));
        assertThat(onlyExclude.selects("bin/sh")).isTrue();
        assertThat(onlyExclude.selects("a.txt")).isFalse();
        assertThat(NameFilter.of(List.of()).selectsAll()).isTrue();
    }
}
