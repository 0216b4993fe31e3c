package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void versionPrintsTheProjectVersionFromTheFilteredResource() {
        Cli.Result r = Cli.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).matches("bootsplice \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void helpListsTheSubcommandsAndExitStatuses() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("generate-completion").contains("Exit status:");
    }

    @Test
    void missingCommandIsAUsageError() {
        Cli.Result r = Cli.run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("bootsplice: missing command").contains("--help");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownOptionIsAUsageErrorOnOneLineWithAHint() {
        Cli.Result r = Cli.run("--frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("bootsplice: Unknown option: '--frobnicate'")
                .contains("Try 'bootsplice --help'")
                .doesNotContain("Exception");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.Result r = Cli.run("lsit");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("lsit");
    }

    @Test
    void generateCompletionPrintsABashScriptCoveringTheCommands() {
        Cli.Result r = Cli.run("generate-completion");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("complete -F").contains("generate-completion").contains("--debug");
    }

    @Test
    void everyCommandAnswersHelp() {
        for (String command : new String[] {"list", "verify", "extract", "pack", "generate", "splice", "profile",
            "compare", "calibrate", "vm", "vm run", "generate-completion"}) {
            Cli.Result r = Cli.run((command + " --help").split(" "));
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: bootsplice " + command);
        }
    }
}
