package dev.bootsplice.cli.zbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepfileTest {
    @Test
    void aRuleNamesEachInputOnceInOrderOnOneLine() {
        assertThat(Depfile.rule("out.zbi", List.of(Path.of("a"), Path.of("b/c"), Path.of("a"))))
                .isEqualTo("out.zbi: a b/c\n");
    }

    @Test
    void spacesHashesAndDollarsAreEscapedForMake() {
        assertThat(Depfile.rule("o", List.of(Path.of("my file"), Path.of("x#1"), Path.of("$HOME"))))
                .isEqualTo("o: my\\ file x\\#1 $$HOME\n");
    }
}
