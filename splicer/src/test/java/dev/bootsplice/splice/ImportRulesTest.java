package dev.bootsplice.splice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.testing.ImportRules;
import dev.bootsplice.testing.ImportRules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** splice, then profile on it, then report on profile; none of them a front end. */
class ImportRulesTest {
    /** The library rules and this module's own; extend it when a package split adds a layer. */
    static final List<Rule> RULES = ImportRules.table(
            ImportRules.library("dev.bootsplice.**"),
            new Rule("dev.bootsplice.splice", "dev.bootsplice.profile", "the profiler is built on the splicer"),
            new Rule("dev.bootsplice.splice", "dev.bootsplice.report", "reports are built on the splicer"),
            new Rule("dev.bootsplice.profile", "dev.bootsplice.report", "reports are built on the profiler"),
            new Rule(
                    "dev.bootsplice.**",
                    "dev.bootsplice.vm.scenario",
                    "the splicer drives the kernel's syscalls, not the scenario language"));

    @Test
    void noPackageOfTheSplicerUsesOneItMustNot() {
        assertThat(ImportRules.violations(ImportRules.mainSources(), RULES)).isEmpty();
    }
}
