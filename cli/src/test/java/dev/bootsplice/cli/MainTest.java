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
        Cli.Result throughPicocli = Cli.run("--debug", "--version");
        assertThat(throughPicocli.out()).isEqualTo(r.out());
        assertThat(Cli.run("-V").out()).isEqualTo(r.out());
    }

    @Test
    void helpListsTheSubcommandsAndExitStatuses() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("generate-completion").contains("Exit status:");
    }

    @Test
    void helpCommandShowsACommandsUsage() {
        Cli.Result r = Cli.run("help", "extract");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: bootsplice extract").contains("--items");
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
        assertThat(r.err())
                .startsWith("bootsplice: Unknown option: '--frobnicate'")
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
        assertThat(r.out())
                .contains("complete -F")
                .contains("generate-completion")
                .contains("--debug");
        for (String word :
                new String[] {"list", "extract", "profile", "vm", "run", "--no-verify-crc", "--strategy", "--fail-on"
                }) {
            assertThat(r.out()).as(word).contains(word);
        }
    }

    @Test
    void everyCommandAnswersHelpWithoutRenderingWarnings() {
        // picocli reports a description it cannot format (e.g. a lone %) on System.err, not on the command's err.
        java.io.PrintStream systemErr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            for (String command : new String[] {
                "list",
                "verify",
                "extract",
                "pack",
                "generate",
                "splice",
                "profile",
                "compare",
                "calibrate",
                "rfc0223",
                "vm",
                "vm run",
                "generate-completion"
            }) {
                Cli.Result r = Cli.run((command + " --help").split(" "));
                assertThat(r.exitCode()).as(command).isZero();
                assertThat(r.out()).as(command).startsWith("Usage: bootsplice " + command);
                assertThat(r.err()).as(command).isEmpty();
            }
        } finally {
            System.setErr(systemErr);
        }
        assertThat(captured.toString()).isEmpty();
    }

    @Test
    void debugOnTheRootOrTheCommandAddsTheStackTraceToAnInputError() {
        String missing = "/nonexistent/bootsplice-test.zbi";
        Cli.Result plain = Cli.run("verify", missing);
        assertThat(plain.exitCode()).isEqualTo(3);
        assertThat(plain.err().lines()).hasSize(1);
        for (String[] args : new String[][] {{"--debug", "verify", missing}, {"verify", "--debug", missing}}) {
            Cli.Result r = Cli.run(args);
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err()).startsWith(plain.err()).contains("\tat ");
        }
    }

    @Test
    void onlyTheNamedCommandIsRegisteredButHelpAndTyposSeeThemAll() {
        assertThat(Main.commandsNeeded(new String[] {"--debug", "list", "x.zbi"}))
                .containsOnlyKeys("list");
        assertThat(Main.commandsNeeded(new String[] {"--version"})).isEmpty();
        assertThat(Main.commandsNeeded(new String[] {"--help"})).hasSize(14);
        assertThat(Main.commandsNeeded(new String[] {"lsit"})).hasSize(14);
        assertThat(Main.commandsNeeded(new String[] {"help", "list"})).hasSize(14);
        assertThat(Cli.run("lis").err()).contains("Did you mean").contains("list");
        assertThat(Cli.run("--version", "--help").out()).contains("Usage:");
    }
}
