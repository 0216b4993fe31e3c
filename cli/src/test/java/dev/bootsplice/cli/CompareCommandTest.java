package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path report;
    private Path regressed;

    @BeforeEach
    void makeReports() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        report = tmp.resolve("a.json");
        assertThat(Cli.run("profile", image.toString(), "--format=json", "-o", report.toString())
                        .exitCode())
                .isZero();
        ObjectNode worse = (ObjectNode) JSON.readTree(report.toFile());
        ObjectNode lookup = (ObjectNode) worse.get("strategies").get(0).get("lookup");
        lookup.put("modeledNs", lookup.get("modeledNs").asLong() * 2);
        regressed = Files.writeString(tmp.resolve("b.json"), JSON.writeValueAsString(worse));
    }

    @Test
    void identicalReportsPass() {
        Cli.Result r = Cli.run("compare", report.toString(), report.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("clone");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aMetricGrowingBeyondTheThresholdExits4() {
        Cli.Result r = Cli.run("compare", report.toString(), regressed.toString(), "--format=markdown");
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.out()).contains("|");
        assertThat(r.err()).startsWith("bootsplice: check failed: clone lookup.modeledNs grew 100.0%");
        assertThat(Cli.run("compare", report.toString(), regressed.toString(), "--max-regression=150")
                        .exitCode())
                .isZero();
    }

    @Test
    void unreadableReportsAndUnsupportedFormatsAreRefused() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.json"), "[1,2");
        Cli.Result r = Cli.run("compare", report.toString(), junk.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith("bootsplice: " + junk + ": ").doesNotContain("Exception");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(Cli.run("compare", report.toString(), report.toString(), "--format=html")
                        .exitCode())
                .isEqualTo(2);
        assertThat(Cli.run("compare", report.toString()).exitCode()).isEqualTo(2);
    }
}
