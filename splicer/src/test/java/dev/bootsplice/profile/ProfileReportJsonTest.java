package dev.bootsplice.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bootsplice.format.Compression;
import dev.bootsplice.splice.Strategy;
import dev.bootsplice.testing.SampleReports;
import dev.bootsplice.testing.TestImages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileReportJsonTest {
    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void reportJsonRoundTripsToTheSameText() throws Exception {
        ProfileReport r = SampleReports.profile();
        ProfileReport back = ProfileReport.fromJson(r.toJson());
        assertThat(back.toJson()).isEqualTo(r.toJson());
        assertThat(back.strategies())
                .extracting(ProfileReport.StrategyReport::name)
                .containsExactly("clone", "clone-sharecount", "copy", "transfer");
    }

    @Test
    void reportJsonHasExactlyTheContractsFieldsInOrder() throws Exception {
        JsonNode root = new ObjectMapper().readTree(SampleReports.profile().toJson());
        assertThat(fieldNames(root))
                .containsExactly(
                        "tool", "image", "verdict", "trace", "costModel", "measurement", "strategies", "comparison");
        assertThat(fieldNames(root.get("verdict")))
                .containsExactly(
                        "cheapest", "cheapestNs", "runnerUp", "runnerUpNs", "marginPct", "sentence", "breakEven");
        assertThat(fieldNames(root.get("verdict").get("breakEven").get(0)))
                .containsExactly("key", "ns", "countDelta", "breakEvenNs", "direction", "note");
        assertThat(fieldNames(root.get("measurement")))
                .containsExactly("warmUpRounds", "rounds", "order", "statistic", "reason");
        assertThat(fieldNames(root.get("tool"))).containsExactly("name", "version");
        assertThat(fieldNames(root.get("image"))).containsExactly("path", "sha256", "files", "bootfsBytes", "pages");
        assertThat(fieldNames(root.get("trace"))).containsExactly("name", "accesses");
        assertThat(fieldNames(root.get("costModel"))).containsExactly("name", "source", "ns");
        assertThat(fieldNames(root.get("costModel").get("ns")))
                .containsExactly(
                        "syscall",
                        "vmoCreate",
                        "pageAlloc",
                        "pageZero",
                        "pageCopy",
                        "pageMove",
                        "pageFault",
                        "lookupHop",
                        "shareCountUpdate");
        JsonNode s = root.get("strategies").get(0);
        assertThat(fieldNames(s))
                .containsExactly("name", "kernel", "setup", "lookup", "memory", "bootCost", "measured");
        assertThat(fieldNames(s.get("kernel"))).containsExactly("name", "transferProfile", "cloneFlavour");
        assertThat(s.get("kernel").get("name").asText()).isEqualTo("2023");
        assertThat(fieldNames(s.get("measured"))).containsExactly("runs", "setup", "lookup");
        assertThat(fieldNames(s.get("measured").get("setup")))
                .containsExactly("medianNs", "minNs", "maxNs", "samplesNs");
        assertThat(fieldNames(s.get("setup")))
                .containsExactly(
                        "syscalls",
                        "vmosCreated",
                        "hiddenNodes",
                        "pagesAllocated",
                        "pagesZeroed",
                        "pagesCopied",
                        "pagesMoved",
                        "shareCountUpdates",
                        "modeledNs",
                        "measuredNs");
        assertThat(fieldNames(s.get("lookup"))).containsExactly("accesses", "hops", "modeledNs", "measuredNs");
        assertThat(fieldNames(s.get("lookup").get("hops")))
                .containsExactly("total", "mean", "p50", "p90", "p99", "max");
        assertThat(fieldNames(s.get("memory"))).containsExactly("peakPages", "endPages");
        assertThat(fieldNames(s.get("bootCost"))).containsExactly("modeledNs");
        assertThat(fieldNames(root.get("comparison"))).containsExactly("baseline", "rows");
        assertThat(fieldNames(root.get("comparison").get("rows").get(0)))
                .containsExactly(
                        "strategy",
                        "lookupImprovementPct",
                        "setupChangePct",
                        "bootCostChangePct",
                        "peakMemoryChangePct");
        assertThat(root.get("tool").get("name").asText()).isEqualTo("bootsplice");
        assertThat(root.get("tool").get("version").asText()).isNotBlank().doesNotContain("${");
    }

    @Test
    void everythingButMeasuredTimesIsDeterministic() throws Exception {
        byte[] zbi = TestImages.zbi(TestImages.adversarialFiles(), Compression.DEFAULT);
        ProfileOptions options = ProfileOptions.defaults().withStrategies(List.of(Strategy.values()));
        String a = withoutMeasured(Profiler.profile(TestImages.image(zbi, "x.zbi"), options));
        String b = withoutMeasured(Profiler.profile(TestImages.image(zbi, "x.zbi"), options));
        assertThat(a).isEqualTo(b).contains("\"modeledNs\"");
    }

    private static String withoutMeasured(ProfileReport r) {
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) r.toTree();
        // the warm-up lasts a minimum time, so its round count is measured too
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("measurement")).remove("warmUpRounds");
        for (JsonNode s : tree.get("strategies")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) s).remove("measured");
            ((com.fasterxml.jackson.databind.node.ObjectNode) s.get("setup")).remove("measuredNs");
            ((com.fasterxml.jackson.databind.node.ObjectNode) s.get("lookup")).remove("measuredNs");
        }
        return tree.toPrettyString();
    }

    @Test
    void textThatIsNotAProfileReportIsRejected() {
        assertThatThrownBy(() -> ProfileReport.fromJson("{\"name\": 1}"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a profile report");
        assertThatThrownBy(() -> ProfileReport.fromJson("[1,2")).isInstanceOf(IOException.class);
    }
}
