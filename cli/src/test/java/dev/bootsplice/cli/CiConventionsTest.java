package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.report.Check;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiConventionsTest {
    @TempDir
    Path tmp;

    private static Cli.Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), env);
        return new Cli.Result(code, out.toString(), err.toString());
    }

    @Test
    void profileAppendsItsMarkdownToTheStepSummaryAndAnnotatesEveryFailedBudget() throws Exception {
        Path summary = tmp.resolve("summary.md");
        Files.writeString(summary, "earlier step\n");
        Map<String, String> env = Map.of("GITHUB_STEP_SUMMARY", summary.toString(), "GITHUB_ACTIONS", "true");
        Cli.Result r = run(
                env,
                "profile",
                "--format=json",
                "--fail-on=clone.lookup.hops.max>0",
                "--fail-on=size[*]>1KiB",
                "--fail-on=transfer.lookup.hops.max>0");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.out()).startsWith("{");
        String md = Files.readString(summary);
        assertThat(md)
                .startsWith("earlier step\n")
                .contains(" · ❌ 2 of 3 budgets failed")
                .contains("| boot cost |");
        assertThat(r.err().lines().filter(l -> l.startsWith("::error ")))
                .hasSize(2)
                .anySatisfy(
                        l -> assertThat(l)
                                .startsWith(
                                        "::error title=bootsplice budget%3A clone.lookup.hops.max>0::clone.lookup.hops.max>0: actual "))
                .anySatisfy(l -> assertThat(l).startsWith("::error title=bootsplice size budget%3A size[*]>1KiB::"));
        assertThat(r.err()).contains("bootsplice: check failed: clone.lookup.hops.max>0");
    }

    @Test
    void withoutTheVariablesNothingIsAnnotatedOrAppended() {
        Cli.Result r = run(Map.of(), "profile", "--fail-on=clone.lookup.hops.max>0");
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).contains("bootsplice: check failed: ").doesNotContain("::error");
    }

    @Test
    void diffAppendsToo() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("a.zbi"));
        Path summary = tmp.resolve("summary.md");
        Cli.Result r = run(
                Map.of("GITHUB_STEP_SUMMARY", summary.toString(), "GITHUB_ACTIONS", "true"),
                "diff",
                image.toString(),
                image.toString(),
                "--fail-on=files.added>=0");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(Files.readString(summary))
                .startsWith("`a.zbi` → `a.zbi`: 0 files added, 0 removed")
                .contains("❌ 1 of 1 budget failed");
        assertThat(r.err())
                .contains("::error title=bootsplice budget%3A files.added>=0::files.added>=0: actual 0 (FAILED)");
    }

    @Test
    void annotationsEscapeWhatGithubReadsAsSyntax() {
        Check c = new Check("regression", "copy a,b", "grew 50%\nnext", true);
        assertThat(CiEnvironment.annotation(c))
                .isEqualTo("::error title=bootsplice regression%3A copy a%2Cb::grew 50%25%0Anext");
    }
}
