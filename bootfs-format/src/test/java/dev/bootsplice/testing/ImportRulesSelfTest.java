package dev.bootsplice.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.testing.ImportRules.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportRulesSelfTest {
    private static final List<Rule> RULES = List.of(
            new Rule("a.core", "a.core.lang", "the core does not know its language"),
            new Rule("a.**", "picocli", "no CLI"));

    @TempDir
    Path src;

    private void source(String path, String text) throws IOException {
        Path f = src.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    @Test
    void importsAndQualifiedNamesInCodeBreakARuleAndNameTheFileAndLine() throws IOException {
        source("a/core/K.java", "package a.core;\n\nimport a.core.lang.Runner;\n");
        source("a/core/lang/R.java", "package a.core.lang;\nclass R { Object o = new picocli.CommandLine(null); }\n");
        assertThat(ImportRules.violations(src, RULES))
                .containsExactly(
                        "a/core/K.java:3 uses a.core.lang (the core does not know its language)",
                        "a/core/lang/R.java:2 uses picocli (no CLI)");
    }

    @Test
    void commentsStringsSubpackagesOfTheRuleAndLookalikeNamesBreakNothing() throws IOException {
        source(
                "a/core/K.java",
                "package a.core;\n/** see {@link a.core.lang.Runner} */\n"
                        + "class K { String s = \"a.core.lang.X; picocli.Y\"; // picocli.Z\n"
                        + " a.core.language.Q q; mypicocli.W w; }\n");
        source("a/core/lang/R.java", "package a.core.lang;\nimport a.core.lang.more.S;\n");
        assertThat(ImportRules.violations(src, RULES)).isEmpty();
    }

    @Test
    void aRuleThatGovernsNoSourceIsReportedRatherThanPassingSilently() throws IOException {
        source("b/B.java", "package b;\n");
        assertThat(ImportRules.violations(src, RULES))
                .containsExactly(
                        "rule a.core -> a.core.lang governs no source file",
                        "rule a.** -> picocli governs no source file");
    }
}
