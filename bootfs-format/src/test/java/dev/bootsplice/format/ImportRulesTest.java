package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.testing.ImportRules;
import dev.bootsplice.testing.ImportRules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bootfs-format is the bottom layer: it uses no other module and no front end. */
class ImportRulesTest {
    /** Extend this table when a package split adds a layer (e.g. format must not use format.write). */
    static final List<Rule> RULES = List.of(
            new Rule("dev.bootsplice.format.**", "dev.bootsplice.vm", "the image format knows no VMO model"),
            new Rule("dev.bootsplice.format.**", "dev.bootsplice.splice", "the splicer is built on the format"),
            new Rule("dev.bootsplice.format.**", "dev.bootsplice.profile", "the profiler is built on the format"),
            new Rule("dev.bootsplice.format.**", "dev.bootsplice.report", "reports are built on the format"),
            new Rule("dev.bootsplice.format.**", "dev.bootsplice.cli", "a library speaks no CLI"),
            new Rule("dev.bootsplice.format.**", "picocli", "a library speaks no CLI"),
            new Rule("dev.bootsplice.format.**", "dev.bootsplice.maven", "a library knows no build tool"),
            new Rule("dev.bootsplice.format.**", "org.apache.maven", "a library knows no build tool"));

    @Test
    void noPackageOfTheFormatUsesOneItMustNot() {
        assertThat(ImportRules.violations(ImportRules.mainSources(), RULES)).isEmpty();
    }
}
