package dev.bootsplice.vm.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's output lines and exit codes (vmo-scenarios.md "Output and exit status"). */
class ScenarioRunnerTest {
    private record Result(ScenarioRunner.Verdict exit, List<String> lines) {}

    private static Result run(Path... files) {
        StringWriter text = new StringWriter();
        ScenarioRunner.Verdict exit = new ScenarioRunner().run(List.of(files), new PrintWriter(text));
        return new Result(exit, text.toString().lines().toList());
    }

    private static Path failing(String name) throws URISyntaxException {
        return Path.of(ScenarioRunnerTest.class
                .getResource("/scenario-failures/" + name)
                .toURI());
    }

    private static Path conformance(String name) throws URISyntaxException {
        return Path.of(
                ScenarioRunnerTest.class.getResource("/conformance/" + name).toURI());
    }

    @Test
    void passingFileReportsItsStatementCountAndExitsZero() throws Exception {
        Path f = conformance("upstream-01-basic.rfc.vmo");
        Result r = run(f);
        assertThat(r.lines()).containsExactly("PASS " + f + " (12 statements)", "1 passed, 0 failed");
        assertThat(r.exit()).isEqualTo(ScenarioRunner.Verdict.ALL_PASSED);
    }

    @Test
    void statusMismatchNamesTheStatementAndBothStatuses() throws Exception {
        Path f = failing("status-mismatch.vmo");
        Result r = run(f);
        assertThat(r.lines().get(0))
                .startsWith("FAIL " + f + ":3: vmo_write v 1p \"x\": expected ZX_OK, got ZX_ERR_OUT_OF_RANGE");
        assertThat(r.lines().get(1)).isEqualTo("0 passed, 1 failed");
        assertThat(r.exit()).isEqualTo(ScenarioRunner.Verdict.SOME_FAILED);
    }

    @Test
    void unexpectedSuccessFailsWhenAnErrorWasExpected() throws Exception {
        Path f = failing("wrong-status.vmo");
        assertThat(run(f).lines().get(0))
                .isEqualTo(
                        "FAIL " + f
                                + ":2: vmo_create_child v SNAPSHOT 0 1p -> ERR_BAD_STATE: expected ZX_ERR_BAD_STATE, got ZX_OK");
    }

    @Test
    void pageMismatchNamesFirstDifferingPageExpectedTokenAndContent() throws Exception {
        Path f = failing("pages-mismatch.vmo");
        Result r = run(f);
        assertThat(r.lines().get(0))
                .isEqualTo("FAIL " + f
                        + ":3: expect_pages src s s d: page 2: expected 'd' (0x64), found every byte 's' (0x73)");
        assertThat(r.exit()).isEqualTo(ScenarioRunner.Verdict.SOME_FAILED);
    }

    @Test
    void pageCountMismatchIsReported() throws Exception {
        Path f = failing("pages-count-mismatch.vmo");
        assertThat(run(f).lines().get(0))
                .isEqualTo("FAIL " + f + ":2: expect_pages v 0 0 0: expected 3 pages, the VMO has 2");
    }

    @Test
    void counterMismatchIsReported() throws Exception {
        Path f = failing("stat-mismatch.vmo");
        assertThat(run(f).lines().get(0))
                .isEqualTo("FAIL " + f + ":3: expect_stat pages_allocated 2: expected pages_allocated 2, found 1");
    }

    @Test
    void nameWhoseBindingFailedIsUnboundAtRunTime() throws Exception {
        Path f = failing("unbound-after-failed-binding.vmo");
        Result r = run(f);
        assertThat(r.lines().get(0))
                .isEqualTo("FAIL " + f + ":2: vmo_write v 0 \"x\": 'v' is not bound (its binding at line 1 failed)");
        assertThat(r.exit()).isEqualTo(ScenarioRunner.Verdict.SOME_FAILED);
    }

    @Test
    void syntaxErrorsExitThreeWithFileAndLine() throws Exception {
        String[][] cases = {
            {"syntax-unknown-statement.vmo", ":2: syntax error: unknown statement 'vmo_frobnicate'"},
            {"syntax-config-after-syscall.vmo", ":2: syntax error: config after the first syscall statement"},
            {"syntax-unbound-name.vmo", ":3: syntax error: name 'w' is not bound by any earlier statement"},
            {"syntax-negative-number.vmo", ":1: syntax error: bad number '-1'"},
            {"syntax-unterminated-string.vmo", ":2: syntax error: unterminated string"},
            {"syntax-unknown-status.vmo", ":1: syntax error: unknown status 'ERR_NOPE'"},
        };
        for (String[] c : cases) {
            Path f = failing(c[0]);
            Result r = run(f);
            assertThat(r.lines()).as(c[0]).containsExactly("FAIL " + f + c[1], "0 passed, 1 failed");
            assertThat(r.exit()).as(c[0]).isEqualTo(ScenarioRunner.Verdict.SOME_INVALID);
        }
    }

    @Test
    void otherFilesStillRunAfterAFailureAndParseErrorsWinTheExitCode() throws Exception {
        Path ok = conformance("upstream-01-basic.z24.vmo");
        Path bad = failing("pages-mismatch.vmo");
        Path broken = failing("syntax-unknown-statement.vmo");
        Result r = run(bad, ok);
        assertThat(r.lines()).hasSize(3);
        assertThat(r.lines().get(1)).startsWith("PASS " + ok);
        assertThat(r.lines().get(2)).isEqualTo("1 passed, 1 failed");
        assertThat(r.exit()).isEqualTo(ScenarioRunner.Verdict.SOME_FAILED);
        assertThat(run(bad, broken, ok).exit()).isEqualTo(ScenarioRunner.Verdict.SOME_INVALID);
    }

    @Test
    void configMayFollowExpectationsThatPrecedeTheFirstSyscall(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("late-config.vmo");
        Files.writeString(
                f, "expect_stat vmos 0\nconfig memory=1\nv = vmo_create 2p\nfill v 0 2p x -> ERR_NO_MEMORY\n");
        Result r = run(f);
        assertThat(r.lines().get(0)).isEqualTo("PASS " + f + " (4 statements)");
    }

    @Test
    void unreadableFileIsInvalidInput(@TempDir Path dir) {
        Path missing = dir.resolve("nope.vmo");
        Result r = run(missing);
        assertThat(r.lines().get(0))
                .isEqualTo("FAIL " + missing + ":0: cannot read scenario file " + missing + ": no such file");
        assertThat(r.exit()).isEqualTo(ScenarioRunner.Verdict.SOME_INVALID);
    }

    @Test
    void languageFeaturesParse(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("features.vmo");
        Files.writeString(
                f,
                String.join(
                        "\n",
                        "# comment line",
                        "config profile=ZIRCON_2024 clones=SHARE_COUNT memory=64",
                        "",
                        "v = vmo_create 0x2000   # trailing comment",
                        "vmo_write v 4094 \"a\\\\\\\"\\n\\t\\x7f#\"",
                        "expect_bytes v 4094 \"a\\\\\"",
                        "expect_bytes v 4096 \"\\\"\\n\\t\\x7f#\"",
                        "fill v 1p 1 0x41",
                        "expect_bytes v 1p \"A\"",
                        "v = vmo_create 1p",
                        "expect_pages v 0",
                        "vmo_create 1p RESIZABLE",
                        "d = handle_duplicate v READ|WRITE",
                        "expect_rights d READ|WRITE",
                        "e = handle_replace d READ",
                        "expect_rights e READ",
                        "transfer_data e 0 0 0 v 0 -> ZX_ERR_ACCESS_DENIED",
                        "expect_stat vmos 2",
                        ""));
        Result r = run(f);
        assertThat(r.lines().get(0)).isEqualTo("PASS " + f + " (16 statements)");
    }
}
