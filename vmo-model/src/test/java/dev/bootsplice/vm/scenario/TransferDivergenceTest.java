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

/**
 * The side-by-side divergence scenario pair ({@code transfer-divergence.rfc.vmo} /
 * {@code .z24.vmo}, docs/transfer-divergence.md): the same calls, the source intact under
 * RFC_0223 and lost under ZIRCON_2024.
 */
class TransferDivergenceTest {
    private static Path scenario(String name) throws URISyntaxException {
        return Path.of(
                TransferDivergenceTest.class.getResource("/conformance/" + name).toURI());
    }

    /** The syscall lines of a scenario: everything but comments, blank lines, config and expectations. */
    private static List<String> calls(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(l -> l.replaceFirst("#.*", "").strip())
                .filter(l -> !l.isEmpty() && !l.startsWith("config") && !l.startsWith("expect_"))
                .toList();
    }

    @Test
    void bothProfilesMakeTheSameCallsAndGetTheSameStatuses() throws Exception {
        List<String> rfc = calls(scenario("transfer-divergence.rfc.vmo"));
        assertThat(rfc).hasSizeGreaterThan(6).isEqualTo(calls(scenario("transfer-divergence.z24.vmo")));
    }

    @Test
    void theRfcKeepsTheSourceAndTheShippedKernelLosesIt() throws Exception {
        StringWriter out = new StringWriter();
        ScenarioRunner.Verdict status = new ScenarioRunner()
                .run(
                        List.of(scenario("transfer-divergence.rfc.vmo"), scenario("transfer-divergence.z24.vmo")),
                        new PrintWriter(out, true));
        assertThat(status).as(out.toString()).isEqualTo(ScenarioRunner.Verdict.ALL_PASSED);
        String rfc = Files.readString(scenario("transfer-divergence.rfc.vmo"));
        String z24 = Files.readString(scenario("transfer-divergence.z24.vmo"));
        assertThat(rfc).contains("expect_pages src s s s s").doesNotContain("expect_pages src 0");
        assertThat(z24).contains("expect_pages src 0 0 0 0").doesNotContain("expect_pages src s s s s");
    }
}
