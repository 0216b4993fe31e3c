package dev.bootsplice.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.testing.ImportRules;
import dev.bootsplice.testing.ImportRules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel model uses no other module; the scenario language is a client of the kernel, not a part. */
class ImportRulesTest {
    /** The library rules and this module's own; extend it when a package split adds a layer. */
    static final List<Rule> RULES = ImportRules.table(
            ImportRules.library("dev.bootsplice.vm.**"),
            new Rule(
                    "dev.bootsplice.vm",
                    "dev.bootsplice.vm.scenario",
                    "the kernel does not know the scenario language that drives it"),
            new Rule("dev.bootsplice.vm.**", "dev.bootsplice.format", "the model knows no image format"),
            new Rule("dev.bootsplice.vm.**", "dev.bootsplice.splice", "the splicer is a client of the model"),
            new Rule("dev.bootsplice.vm.**", "dev.bootsplice.profile", "the profiler is a client of the model"),
            new Rule("dev.bootsplice.vm.**", "dev.bootsplice.report", "reports are clients of the model"));

    @Test
    void noPackageOfTheModelUsesOneItMustNot() {
        assertThat(ImportRules.violations(ImportRules.mainSources(), RULES)).isEmpty();
    }
}
