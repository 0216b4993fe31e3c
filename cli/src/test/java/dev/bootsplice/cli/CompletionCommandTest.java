package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompletionCommandTest {
    @Test
    void completionOffersTheSpellingsTheOptionsAccept() {
        Cli.Result r = Cli.run("generate-completion");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("\"clone\" \"clone-sharecount\" \"copy\" \"transfer\"")
                .contains("\"text\" \"json\" \"markdown\" \"html\" \"junit\"")
                .contains("\"text\" \"markdown\" \"junit\"")
                .contains("\"text\" \"zbi\"")
                .contains("\"auto\" \"always\" \"never\"")
                .contains("diff")
                .doesNotContain("CLONE_SHARECOUNT")
                .doesNotContain("\"MARKDOWN\"")
                .doesNotContain("\"ZBI\"");
    }
}
