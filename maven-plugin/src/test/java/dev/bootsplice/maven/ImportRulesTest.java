package dev.bootsplice.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.testing.ImportRules;
import dev.bootsplice.testing.ImportRules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin is a front end over the libraries, not over the CLI. */
class ImportRulesTest {
    /** Extend this table when a package split adds a layer. */
    static final List<Rule> RULES = List.of(
            new Rule("dev.bootsplice.maven.**", "dev.bootsplice.cli", "the CLI is a sibling front end"),
            new Rule("dev.bootsplice.maven.**", "picocli", "the plugin speaks Maven parameters, not CLI flags"),
            new Rule("dev.bootsplice.maven.**", "dev.bootsplice.vm.scenario", "the plugin does not run scenarios"));

    @Test
    void noPackageOfThePluginUsesOneItMustNot() {
        assertThat(ImportRules.violations(ImportRules.mainSources(), RULES)).isEmpty();
    }
}
