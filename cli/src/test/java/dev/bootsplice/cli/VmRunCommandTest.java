package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmRunCommandTest {
    private static final String BASIC =
            """
            # dst@2p, length 3p, src@0: the last three pages of dst take src's first three
            src = vmo_create 5p
            fill src 0 5p s
            dst = vmo_create 5p
            fill dst 0 5p d
            transfer_data dst 0 2p 3p src 0
            expect_pages dst d d s s s
            expect_pages src 0 0 0 s s
            """;

    @TempDir
    Path tmp;

    @Test
    void passingScenariosExit0WithOneLineEachAndATotal() throws Exception {
        Path basic = Files.writeString(tmp.resolve("basic.vmo"), BASIC);
        Cli.Result r = Cli.run("vm", "run", basic.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().lines()).containsExactly("PASS " + basic + " (7 statements)", "1 passed, 0 failed");
    }

    @Test
    void aFailedExpectationExits4AndTheOtherFilesStillRun() throws Exception {
        Path wrong = Files.writeString(
                tmp.resolve("wrong.vmo"), BASIC.replace("expect_pages dst d d s s s", "expect_pages dst d d d s s"));
        Path basic = Files.writeString(tmp.resolve("basic.vmo"), BASIC);
        Cli.Result r = Cli.run("vm", "run", wrong.toString(), basic.toString());
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.out().lines().toList().get(0)).startsWith("FAIL " + wrong + ":7: ");
        assertThat(r.out().lines()).contains("PASS " + basic + " (7 statements)", "1 passed, 1 failed");
    }

    @Test
    void anUnparsableFileExits3AndNoFileIsAUsageError() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.vmo"), "src = vmo_create -5\n");
        Cli.Result r = Cli.run("vm", "run", bad.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).startsWith("FAIL " + bad + ":1: ");
        Path missing = tmp.resolve("missing.vmo");
        Cli.Result unreadable = Cli.run("vm", "run", missing.toString());
        assertThat(unreadable.exitCode()).isEqualTo(3);
        assertThat(unreadable.out()).startsWith("FAIL " + missing + ":0: ").doesNotContain("Exception");
        assertThat(Cli.run("vm", "run").exitCode()).isEqualTo(2);
        assertThat(Cli.run("vm").exitCode()).isEqualTo(2);
    }
}
