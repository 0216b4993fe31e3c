package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress bar under a real pseudo-terminal: util-linux {@code script} gives the child a
 * terminal; the child's stdout goes to a file, so only stderr is the terminal.
 */
class ProgressTerminalTest {
    private static final Path SCRIPT = Path.of("/usr/bin/script");

    @TempDir
    Path tmp;

    /** Runs {@code bootsplice ARGS > out.json} under {@code script}; returns what the terminal showed. */
    private String underTerminal(String... args) throws Exception {
        assumeTrue(Files.isExecutable(SCRIPT), "util-linux script(1) is not installed at " + SCRIPT);
        Process probe = new ProcessBuilder(SCRIPT.toString(), "-qec", "true", "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("probe.out").toFile())
                .start();
        assumeTrue(
                probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "script(1) cannot open a pseudo-terminal here (no /dev/pts?)");
        List<String> java = HardeningChild.command("256m", List.of(), args);
        String command = java.stream().map(ProgressTerminalTest::quote).collect(Collectors.joining(" ")) + " > "
                + quote(tmp.resolve("out.json").toString());
        Path typescript = tmp.resolve("typescript");
        Process p = new ProcessBuilder(List.of(SCRIPT.toString(), "-qec", command, typescript.toString()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(tmp.resolve("script.out").toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("script finished").isTrue();
        assertThat(p.exitValue())
                .as(Files.readString(tmp.resolve("script.out")))
                .isZero();
        assertThat(Files.readString(tmp.resolve("out.json"))).startsWith("{").contains("\"strategies\"");
        return Files.readString(typescript);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Test
    void theOverallBarIsDrawnOnStderrWhenOnlyStderrIsATerminal() throws Exception {
        String terminal = underTerminal("profile", "--format=json");
        assertThat(terminal)
                .containsPattern("profile 1/\\d+ clone: splice \\[")
                .containsPattern("profile (\\d+)/\\1 \\S+: lookups \\[=+\\] 100%")
                .doesNotContain("\"strategies\"");
    }

    @Test
    void noBarWithProgressNeverOrQuiet() throws Exception {
        assertThat(underTerminal("profile", "--format=json", "--progress=never"))
                .doesNotContain("profile 1/");
        assertThat(underTerminal("profile", "--format=json", "--quiet")).doesNotContain("profile 1/");
    }

    @Test
    void progressAlwaysDrawsEvenIntoAFile() {
        List<String> args = new ArrayList<>(List.of("profile", "--format=json", "--progress=always"));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).containsPattern("profile (\\d+)/\\1 \\S+: lookups \\[=+\\] 100%");
    }
}
