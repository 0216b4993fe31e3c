package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path image;

    @BeforeEach
    void makeImage() throws Exception {
        image = TestImages.writeSmall(tmp.resolve("small.zbi"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void jsonReportIsTheMachineContract() throws Exception {
        Cli.Result r = Cli.run("profile", image.toString(), "--format=json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode root = JSON.readTree(r.out());
        assertThat(fieldNames(root))
                .containsExactly(
                        "tool", "image", "verdict", "trace", "costModel", "measurement", "strategies", "comparison");
        assertThat(root.get("tool").get("name").asText()).isEqualTo("bootsplice");
        assertThat(root.get("tool").get("version").asText()).isEqualTo(VersionProvider.version());
        assertThat(root.get("image").get("path").asText()).isEqualTo(image.toString());
        assertThat(root.get("image").get("files").asLong()).isEqualTo(5);
        assertThat(root.get("strategies"))
                .extracting(s -> s.get("name").asText())
                .containsExactly("clone", "copy", "transfer");
        JsonNode clone = root.get("strategies").get(0);
        assertThat(fieldNames(clone))
                .containsExactly("name", "kernel", "setup", "lookup", "memory", "bootCost", "measured");
        assertThat(clone.get("kernel").get("name").asText())
                .as("the default kernel")
                .isEqualTo("2023");
        assertThat(clone.get("bootCost").get("modeledNs").asLong())
                .isEqualTo(clone.get("setup").get("modeledNs").asLong()
                        + clone.get("lookup").get("modeledNs").asLong());
        assertThat(root.get("comparison").get("baseline").asText()).isEqualTo("clone");
    }

    @Test
    void severalKernelsGiveOneEntryPerStrategyAndKernelEachSayingItsKernel() throws Exception {
        Cli.Result r = Cli.run(
                "profile",
                image.toString(),
                "--strategies=clone,transfer",
                "--kernel=2023,2024",
                "--format=json",
                "--fail-on=transfer@2024.lookup.hops.max>0");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode strategies = JSON.readTree(r.out()).get("strategies");
        assertThat(strategies)
                .extracting(s -> s.get("name").asText())
                .containsExactly("clone@2023", "clone@2024", "transfer@2023", "transfer@2024");
        assertThat(strategies)
                .extracting(s -> s.get("kernel").get("name").asText())
                .containsExactly("2023", "2024", "2023", "2024");
        assertThat(strategies.get(1).get("kernel").get("transferProfile").asText())
                .isEqualTo("ZIRCON_2024");
        assertThat(strategies.get(1).get("kernel").get("cloneFlavour").asText()).isEqualTo("SHARE_COUNT");
        Cli.Result text = Cli.run("profile", image.toString(), "--kernel=2024");
        assertThat(text.out()).contains("2024 (ZIRCON_2024, SHARE_COUNT)");
        Cli.Result all = Cli.run("profile", image.toString(), "--kernel=2023,2024,2025", "--strategies=clone");
        assertThat(all.exitCode()).as(all.toString()).isZero();
        assertThat(all.out()).contains("clone@2025").contains("2025 (ZIRCON_2024, PARENT_CONTENT)");
    }

    @Test
    void anUnknownOrRepeatedKernelIsAUsageError() {
        Cli.Result unknown = Cli.run("profile", image.toString(), "--kernel=2022");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown kernel \"2022\" (expected 2023, 2024 or 2025)");
        Cli.Result twice = Cli.run("profile", image.toString(), "--kernel=2024,2024");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("--kernel names a kernel twice");
    }

    @Test
    void formatsPairWithOutputsInOrderAndLeftoversGoToStdout() throws Exception {
        Path json = tmp.resolve("r.json");
        Path html = tmp.resolve("r.html");
        Cli.Result r = Cli.run(
                "profile",
                image.toString(),
                "--strategies=clone,transfer",
                "--format=json",
                "-o",
                json.toString(),
                "--format=html",
                "-o",
                html.toString(),
                "--format=markdown");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(JSON.readTree(json.toFile()).get("strategies")).hasSize(2);
        assertThat(Files.readString(html)).contains("<svg").doesNotContain("<script src");
        assertThat(r.out()).contains("|").contains("transfer");
    }

    @Test
    void anOutputFileWithoutFormatTakesItsExtensionAndIsNeverOverwrittenWithoutForce() throws Exception {
        Path xml = tmp.resolve("junit.xml");
        assertThat(Cli.run("profile", image.toString(), "-o", xml.toString()).exitCode())
                .isZero();
        assertThat(Files.readString(xml)).contains("<testsuite");
        Files.writeString(xml, "keep");
        Cli.Result again = Cli.run("profile", image.toString(), "-o", xml.toString());
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.err()).contains("already exists (use --force to overwrite)");
        assertThat(Files.readString(xml)).isEqualTo("keep");
        assertThat(Cli.run("profile", image.toString(), "-o", xml.toString(), "--force")
                        .exitCode())
                .isZero();
        assertThat(Files.readString(xml)).contains("<testsuite");
    }

    @Test
    void aBudgetThatHoldsExits4() throws Exception {
        Cli.Result failed = Cli.run("profile", image.toString(), "--fail-on=clone.lookup.hops.max>=0");
        assertThat(failed.exitCode()).isEqualTo(4);
        assertThat(failed.err()).startsWith("bootsplice: check failed: clone.lookup.hops.max>=0");
        Cli.Result passed = Cli.run("profile", image.toString(), "--fail-on=transfer.lookup.hops.max<0");
        assertThat(passed.exitCode()).as(passed.toString()).isZero();
    }

    @Test
    void aRegressionAgainstTheBaselineExits4() throws Exception {
        Path baseline = tmp.resolve("base.json");
        assertThat(Cli.run("profile", image.toString(), "--format=json", "-o", baseline.toString())
                        .exitCode())
                .isZero();
        assertThat(Cli.run("profile", image.toString(), "--baseline=" + baseline, "--max-regression=5")
                        .exitCode())
                .isZero();

        ObjectNode doctored = (ObjectNode) JSON.readTree(baseline.toFile());
        ObjectNode cost = (ObjectNode) doctored.get("strategies").get(2).get("bootCost");
        cost.put("modeledNs", cost.get("modeledNs").asLong() / 2);
        Path cheaper = Files.writeString(tmp.resolve("cheaper.json"), JSON.writeValueAsString(doctored));
        Cli.Result r = Cli.run("profile", image.toString(), "--baseline=" + cheaper, "--max-regression=5");
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).contains("check failed: transfer bootCost.modeledNs grew");
    }

    @Test
    void badOptionsAreUsageErrorsAndBadInputsInvalid() throws Exception {
        assertThat(Cli.run("profile", image.toString(), "--max-regression=5").exitCode())
                .isEqualTo(2);
        assertThat(Cli.run("profile", image.toString(), "--format=pdf").exitCode())
                .isEqualTo(2);
        assertThat(Cli.run("profile", image.toString(), "--fail-on=nonsense").exitCode())
                .isEqualTo(2);
        assertThat(Cli.run("profile", image.toString(), "--strategies=clone,clone")
                        .exitCode())
                .isEqualTo(2);
        assertThat(Cli.run(
                                "profile",
                                image.toString(),
                                "-o",
                                tmp.resolve("report.pdf").toString())
                        .exitCode())
                .isEqualTo(2);
        Path trace = Files.writeString(tmp.resolve("boot.trace"), "bin/nope\n");
        Cli.Result badTrace = Cli.run("profile", image.toString(), "--trace=" + trace);
        assertThat(badTrace.exitCode()).isEqualTo(3);
        assertThat(badTrace.err()).contains("bin/nope").doesNotContain("Exception");
        Path badModel = Files.writeString(tmp.resolve("model.json"), "{ not json");
        Cli.Result r = Cli.run("profile", image.toString(), "--cost-model=" + badModel);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void withoutAnImageTheDemoImageIsProfiled() throws Exception {
        Cli.Result r = Cli.run("profile", "--format=json", "--strategies=transfer");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("image").get("path").asText()).isEqualTo("demo");
        assertThat(root.get("image").get("files").asLong()).isPositive();
    }
}
