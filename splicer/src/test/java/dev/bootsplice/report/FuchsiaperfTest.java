package dev.bootsplice.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bootsplice.profile.FuchsiaperfFile;
import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.testing.SampleReports;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuchsiaperfTest {
    @TempDir
    Path dir;

    private static String fuchsiaperf(ProfileReport r) throws Exception {
        StringWriter out = new StringWriter();
        Reports.write(r, ReportFormat.FUCHSIAPERF, ReportContext.NONE, out);
        return out.toString();
    }

    @Test
    void theOutputIsAListOfEntriesWithTheFourFieldsAndAllowedUnits() throws Exception {
        JsonNode root = new ObjectMapper().readTree(fuchsiaperf(SampleReports.profile()));
        assertThat(root.isArray()).isTrue();
        for (JsonNode e : root) {
            List<String> names = new ArrayList<>();
            e.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("label", "test_suite", "unit", "values");
            assertThat(e.get("test_suite").asText()).isEqualTo("bootsplice.profile");
            assertThat(FuchsiaperfFile.UNITS).contains(e.get("unit").asText());
            assertThat(e.get("values")).isNotEmpty().allSatisfy(v -> assertThat(v.isNumber())
                    .isTrue());
        }
        assertThat(FuchsiaperfFile.entries(root.toString())).isNotEmpty();
    }

    @Test
    void entriesAreOnePerStrategyAndMetricWithEveryMeasuredRunAsValues() throws Exception {
        ProfileReport r = SampleReports.profile();
        List<FuchsiaperfFile.Entry> entries = FuchsiaperfFile.entries(fuchsiaperf(r));
        assertThat(entries)
                .extracting(FuchsiaperfFile.Entry::label)
                .doesNotHaveDuplicates()
                .contains("image/files", "image/bootfsBytes", "transfer/bootCost/modeledNs", "clone/lookup/hops/p99");
        FuchsiaperfFile.Entry boot = entries.stream()
                .filter(e -> e.label().equals("copy/bootCost/modeledNs"))
                .findFirst()
                .orElseThrow();
        assertThat(boot.unit()).isEqualTo("nanoseconds");
        assertThat(boot.values()).containsExactly((double)
                r.strategy("copy").orElseThrow().bootCost().modeledNs());
        FuchsiaperfFile.Entry setup = entries.stream()
                .filter(e -> e.label().equals("copy/setup/measuredNs"))
                .findFirst()
                .orElseThrow();
        assertThat(setup.values())
                .hasSize(r.strategy("copy").orElseThrow().measured().runs());
        assertThat(entries.stream()
                        .filter(e -> e.label().equals("clone/setup/syscalls"))
                        .findFirst()
                        .orElseThrow()
                        .unit())
                .isEqualTo("count_smallerIsBetter");
    }

    @Test
    void aFuchsiaperfReportComparesWithItsJsonTwinWithoutAnyChange() throws Exception {
        ProfileReport r = SampleReports.profile();
        Path json = dir.resolve("r.json");
        Path perf = dir.resolve("r.fuchsiaperf.json");
        Files.writeString(json, r.toJson());
        Files.writeString(perf, fuchsiaperf(r));
        for (ReportComparison c : List.of(
                ReportComparison.compare(MetricTable.read(json), MetricTable.read(perf), rule()),
                ReportComparison.compare(MetricTable.read(perf), MetricTable.read(json), rule()))) {
            assertThat(c.regressed()).isFalse();
            assertThat(c.changes())
                    .hasSize(MetricTable.of(r).metrics().values().stream()
                            .mapToInt(java.util.Map::size)
                            .sum())
                    .allSatisfy(m -> assertThat(m.newValue())
                            .as(m.strategy() + " " + m.metric())
                            .isEqualTo(m.oldValue()));
        }
        ReportComparison perFile = ReportComparison.compare(
                MetricTable.read(json),
                MetricTable.read(perf),
                new ReportComparison.Rule(0.0, 0.0, false, MetricTable.Per.FILE));
        assertThat(perFile.regressed()).isFalse();
        assertThat(perFile.changes())
                .extracting(MetricChange::metric)
                .contains("bootCost.modeledNs/file")
                .doesNotContain("lookup.hops.max/file");
    }

    private static ReportComparison.Rule rule() {
        return new ReportComparison.Rule(0.0, 0.0, false, MetricTable.Per.NONE);
    }

    @Test
    void aFuchsiaperfFileOfAnotherSuiteIsNotAReport() throws Exception {
        Path f = dir.resolve("other.json");
        Files.writeString(
                f,
                "[{\"label\":\"Vmo/Write/4kbytes\",\"test_suite\":\"fuchsia.microbenchmarks\","
                        + "\"unit\":\"ns\",\"values\":[1]}]");
        assertThatThrownBy(() -> MetricTable.read(f))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(
                        "entry 0 (label \"Vmo/Write/4kbytes\"): test_suite \"fuchsia.microbenchmarks\" is not bootsplice.profile");
    }
}
