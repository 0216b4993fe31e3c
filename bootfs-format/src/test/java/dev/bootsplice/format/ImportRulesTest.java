package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.testing.ImportRules;
import dev.bootsplice.testing.ImportRules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bootfs-format is the bottom layer: it uses no other module and no front end. */
class ImportRulesTest {
    /** The library rules and this module's own; extend it when a package split adds a layer (format.write, ...). */
    static final List<Rule> RULES = ImportRules.table(
            ImportRules.library("dev.bootsplice.format.**"),
            new Rule("dev.bootsplice.format.**", "dev.bootsplice.vm", "the image format knows no VMO model"),
            new Rule("dev.bootsplice.format.**", "dev.bootsplice.splice", "the splicer is built on the format"),
            new Rule("dev.bootsplice.format.**", "dev.bootsplice.profile", "the profiler is built on the format"),
            new Rule("dev.bootsplice.format.**", "dev.bootsplice.report", "reports are built on the format"));

    @Test
    void noPackageOfTheFormatUsesOneItMustNot() {
        assertThat(ImportRules.violations(ImportRules.mainSources(), RULES)).isEmpty();
    }
}
