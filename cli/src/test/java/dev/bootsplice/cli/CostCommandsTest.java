package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A device file with two families: 900 ns per call, pages copied at 400 ns and moved at 50 ns. */
    private Path deviceFile() throws Exception {
        List<String> entries = new ArrayList<>();
        for (int kb : new int[] {4, 32, 128, 512, 2048}) {
            double pages = kb / 4.0;
            entries.add(entry("Vmo/Write/" + kb + "kbytes", 900 + 400 * pages));
            entries.add(entry("Vmo/TransferData/" + kb + "kbytes.transfer", 900 + 50 * pages));
        }
        entries.add(entry("Channel/WriteRead/64bytes", 1000));
        return Files.writeString(tmp.resolve("device.fuchsiaperf.json"), "[" + String.join(",", entries) + "]");
    }

    private static String entry(String label, double ns) {
        return "{\"label\":\"" + label + "\",\"test_suite\":\"fuchsia.microbenchmarks\",\"unit\":\"nanoseconds\","
                + "\"values\":[" + ns * 2 + "," + ns + "," + ns + "]}";
    }

    @Test
    void calibrateFromADeviceFileSaysWhatFedEachKeyAndWritesADeviceModel() throws Exception {
        Path model = tmp.resolve("device.json");
        Cli.Result r = Cli.run("calibrate", "--from=" + deviceFile(), "-o", model.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains(
                        "calibrate: pageMove = 50.0 ns: slope of Vmo/TransferData/*.transfer",
                        "calibrate: pageCopy = 400.0 ns: slope of Vmo/Write/*",
                        "calibrate: syscall = 900.0 ns",
                        "calibrate: pageFault = 11,300.0 ns: default kept: needs Vmo/Memcpy/WithoutPrecommit/*.memcpy",
                        "calibrate: ignored (not mapped): Channel/WriteRead/64bytes",
                        "residual 0.00%");
        JsonNode written = JSON.readTree(model.toFile());
        assertThat(written.get("name").asText()).isEqualTo("device");
        assertThat(written.get("ns").get("pageMove").asDouble())
                .isEqualTo(50.0, org.assertj.core.data.Offset.offset(1e-6));
        JsonNode report = JSON.readTree(Cli.run(
                        "profile",
                        TestImages.writeSmall(tmp.resolve("s.zbi")).toString(),
                        "--format=json",
                        "--cost-model=" + model)
                .out());
        assertThat(report.get("costModel").get("source").asText())
                .startsWith("fuchsiaperf ")
                .contains("device.fuchsiaperf.json");
    }

    @Test
    void aMalformedDeviceFileIsAnInputErrorNamingTheFileAndTheEntry() throws Exception {
        Path bad = Files.writeString(
                tmp.resolve("bad.json"),
                "[{\"label\":\"Vmo/Write/4kbytes\",\"test_suite\":\"s\",\"unit\":\"ns\",\"values\":[\"x\"]}]");
        Cli.Result r = Cli.run("calibrate", "--from=" + bad);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("bootsplice: " + bad + ": entry 0 (label \"Vmo/Write/4kbytes\"): value \"x\"");
        Cli.Result missing = Cli.run("calibrate", "--from=" + tmp.resolve("nope.json"));
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("nope.json").doesNotContain("Exception");
    }

    @Test
    void aFuchsiaperfProfileRoundTripsThroughCompareAgainstItsJsonTwin() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        Path json = tmp.resolve("r.json");
        Path perf = tmp.resolve("r.fuchsiaperf.json");
        Cli.Result p = Cli.run(
                "profile",
                image.toString(),
                "--format=json",
                "-o",
                json.toString(),
                "--format=fuchsiaperf",
                "-o",
                perf.toString());
        assertThat(p.exitCode()).as(p.toString()).isZero();
        assertThat(JSON.readTree(perf.toFile()).isArray()).isTrue();
        Cli.Result c = Cli.run("compare", json.toString(), perf.toString(), "--max-regression=0", "--gate-measured=0");
        assertThat(c.exitCode()).as(c.toString()).isZero();
        assertThat(c.out()).contains("0 of").contains("measured medians checked at 0.0%");
        assertThat(Cli.run("compare", perf.toString(), json.toString(), "--per=file", "--max-regression=0")
                        .exitCode())
                .isZero();
    }

    @Test
    void withSeveralKernelsEachFuchsiaperfLabelNamesTheStrategyAndTheKernel() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        Path json = tmp.resolve("k.json");
        Path perf = tmp.resolve("k.fuchsiaperf.json");
        Cli.Result p = Cli.run(
                "profile",
                image.toString(),
                "--kernel=2023,2024",
                "--format=json",
                "-o",
                json.toString(),
                "--format=fuchsiaperf",
                "-o",
                perf.toString());
        assertThat(p.exitCode()).as(p.toString()).isZero();
        List<String> labels = new ArrayList<>();
        JSON.readTree(perf.toFile()).forEach(e -> labels.add(e.get("label").asText()));
        assertThat(labels)
                .contains(
                        "clone@2023/bootCost/modeledNs",
                        "clone@2024/bootCost/modeledNs",
                        "transfer@2024/lookup/hops/max");
        assertThat(Cli.run("compare", json.toString(), perf.toString(), "--max-regression=0")
                        .exitCode())
                .isZero();
    }

    @Test
    void runsAndWarmUpAreOptionsAndTheReportRecordsThem() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        JsonNode report = JSON.readTree(Cli.run("profile", image.toString(), "--format=json", "--runs=2", "--warm-up=0")
                .out());
        assertThat(report.get("measurement").get("rounds").asInt()).isEqualTo(2);
        assertThat(report.get("measurement").get("warmUpRounds").asInt()).isZero();
        assertThat(report.get("strategies").get(0).get("measured").get("setup").get("samplesNs"))
                .hasSize(2);
        assertThat(Cli.run("profile", image.toString(), "--runs=0").exitCode()).isEqualTo(2);
        assertThat(Cli.run("profile", image.toString(), "--gate-measured=5").exitCode())
                .isEqualTo(2);
    }

    @Test
    void relativeAndPerFileBudgetsWorkOnTheCommandLine() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        Cli.Result held = Cli.run(
                "profile",
                image.toString(),
                "--fail-on=copy.setup.pagesCopied>=1*copy.setup.pagesAllocated",
                "--fail-on=transfer.bootCost.modeledNs/file>1");
        assertThat(held.exitCode()).isEqualTo(4);
        assertThat(held.err()).contains("copy.setup.pagesCopied>=1*copy.setup.pagesAllocated: actual", "against");
        assertThat(Cli.run("profile", image.toString(), "--fail-on=transfer.bootCost.modeledNs/MiB<0")
                        .exitCode())
                .isZero();
    }

    @Test
    void rfc0223SetsTheClaimsBesideTheFiguresOfEveryModel() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        Cli.Result r = Cli.run("rfc0223", image.toString(), "--no-host-model", "--from=" + deviceFile());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains(
                        "RFC-0223 claims beside the profiler",
                        "~20% faster",
                        "up to +70%",
                        "default",
                        "device",
                        "device: fuchsiaperf ");
        assertThat(Cli.run("rfc0223", "--no-host-model", "--from=" + tmp.resolve("none.json"))
                        .exitCode())
                .isEqualTo(3);
    }
}
