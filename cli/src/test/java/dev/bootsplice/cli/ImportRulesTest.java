package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.testing.ImportRules;
import dev.bootsplice.testing.ImportRules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI is one front end over the libraries; the Maven plugin is another, and neither uses the other. */
class ImportRulesTest {
    /** Extend this table when a package split adds a layer. */
    static final List<Rule> RULES = List.of(
            new Rule("dev.bootsplice.cli.**", "dev.bootsplice.maven", "the Maven plugin is a sibling front end"),
            new Rule("dev.bootsplice.cli.**", "org.apache.maven", "the CLI runs without Maven"),
            new Rule(
                    "dev.bootsplice.cli.zbi",
                    "dev.bootsplice.splice",
                    "the reference-compatible zbi commands read and write images only"),
            new Rule(
                    "dev.bootsplice.cli.zbi",
                    "dev.bootsplice.vm",
                    "the reference-compatible zbi commands know no VMO"));

    @Test
    void noPackageOfTheCliUsesOneItMustNot() {
        assertThat(ImportRules.violations(ImportRules.mainSources(), RULES)).isEmpty();
    }
}
