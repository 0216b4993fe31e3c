package dev.bootsplice.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bootsplice.splice.HopDistribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The result of one `profile` run: exactly the JSON contract of `cli.md` ("The JSON report is the
 * machine contract"), with one in-memory extra (each strategy's full hop distribution) that the
 * JSON form leaves out.
 */
@JsonPropertyOrder({"tool", "image", "verdict", "trace", "costModel", "measurement", "strategies", "comparison"})
public record ProfileReport(
        Tool tool,
        Image image,
        TraceInfo trace,
        CostModelInfo costModel,
        List<StrategyReport> strategies,
        Comparison comparison,
        @JsonInclude(JsonInclude.Include.NON_NULL) Measurement measurement) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ProfileReport {
        strategies = strategies == null ? null : List.copyOf(strategies);
    }

    /** A report without a measurement description (one run per strategy, or read from an older file). */
    public ProfileReport(
            Tool tool,
            Image image,
            TraceInfo trace,
            CostModelInfo costModel,
            List<StrategyReport> strategies,
            Comparison comparison) {
        this(tool, image, trace, costModel, strategies, comparison, null);
    }

    /** The report as the contract's JSON text (indented, fields in contract order). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a profile report always serialises", e);
        }
    }

    /** The report as a Jackson tree, the form budgets and comparisons walk by path. */
    public JsonNode toTree() {
        return JSON.valueToTree(this);
    }

    /**
     * Reads a report written by {@link #toJson()}.
     *
     * @throws IOException if the text is not JSON or lacks a field of the contract
     */
    public static ProfileReport fromJson(String json) throws IOException {
        ProfileReport report = JSON.readValue(json, ProfileReport.class);
        if (report == null
                || report.tool == null
                || report.image == null
                || report.strategies == null
                || report.strategies.isEmpty()
                || report.costModel == null
                || report.trace == null) {
            throw new IOException("not a profile report: tool, image, trace, costModel or strategies missing");
        }
        return report;
    }

    /**
     * Reads a report file written by `profile --format=json`.
     *
     * @throws IOException if the file is unreadable or not a profile report
     */
    public static ProfileReport read(Path file) throws IOException {
        return fromJson(Files.readString(file));
    }

    /**
     * The cheapest strategy at boot by modeled cost, its margin over the runner-up, and the
     * break-even value of every cost key.
     */
    @JsonProperty("verdict")
    public Verdict verdict() {
        return Verdict.of(strategies, costModel.ns());
    }

    /** The strategy named {@code name} (its `cliName`), if it was profiled. */
    public Optional<StrategyReport> strategy(String name) {
        return strategies.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Which tool wrote the report. */
    public record Tool(String name, String version) {}

    /** The profiled image: its path as given, SHA-256 of its bytes, BOOTFS file count and size. */
    public record Image(String path, String sha256, long files, long bootfsBytes, long pages) {}

    /** The access trace replayed: its name (`all`, `exec` or the trace file) and page reads. */
    public record TraceInfo(String name, long accesses) {}

    /**
     * The cost model used: its name, where its figures come from (null in reports written before
     * the field existed) and nanoseconds per counted operation.
     */
    @JsonPropertyOrder({"name", "source", "ns"})
    public record CostModelInfo(
            String name, @JsonInclude(JsonInclude.Include.NON_NULL) String source, java.util.Map<String, Double> ns) {
        public CostModelInfo {
            ns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ns));
        }

        /** A model described by its name only. */
        public CostModelInfo(String name, java.util.Map<String, Double> ns) {
            this(name, null, ns);
        }

        /** The name, and the source in parentheses when there is one. */
        public String describe() {
            return source == null ? name : name + " (" + source + ")";
        }
    }

    /**
     * The kernel a strategy's numbers are for: its era ({@code 2023}, {@code 2024}, {@code 2025}),
     * transfer profile and clone flavour. Reports written before kernels were selectable lack it.
     */
    @JsonPropertyOrder({"name", "transferProfile", "cloneFlavour"})
    public record KernelInfo(String name, String transferProfile, String cloneFlavour) {
        /** {@code 2024 (ZIRCON_2024, SHARE_COUNT)}. */
        public String describe() {
            return name + " (" + transferProfile + ", " + cloneFlavour + ")";
        }
    }

    /**
     * How the measured times were taken: warm-up rounds dropped, measured rounds (runs per
     * strategy), the order and the statistic; why that many when the profiler chose.
     */
    @JsonPropertyOrder({"warmUpRounds", "rounds", "order", "statistic", "reason"})
    public record Measurement(int warmUpRounds, int rounds, String order, String statistic, String reason) {

        /** One line for people, e.g. "median of 3 interleaved runs after 1 warm-up round". */
        public String describe() {
            String runs = rounds == 1
                    ? "1 run per strategy (no spread)"
                    : "median of " + rounds + " interleaved runs per strategy (min-max spread)";
            String warm = warmUpRounds == 0
                    ? ", no warm-up"
                    : ", after " + warmUpRounds + " warm-up round" + (warmUpRounds == 1 ? "" : "s");
            return runs + warm + (reason == null ? "" : "; " + reason);
        }
    }

    /**
     * One strategy's counters, modeled and measured costs, and the kernel they are for;
     * {@code measured} holds every measured run (null in reports written before repetitions
     * existed), {@code kernel} is null in reports written before kernels were selectable.
     */
    @JsonPropertyOrder({"name", "kernel", "setup", "lookup", "memory", "bootCost", "measured"})
    public record StrategyReport(
            String name,
            KernelInfo kernel,
            Setup setup,
            Lookup lookup,
            Memory memory,
            BootCost bootCost,
            @JsonIgnore HopDistribution distribution,
            @JsonInclude(JsonInclude.Include.NON_NULL) Measured measured) {

        /** A row of a single run without the measured details. */
        public StrategyReport(
                String name,
                KernelInfo kernel,
                Setup setup,
                Lookup lookup,
                Memory memory,
                BootCost bootCost,
                HopDistribution distribution) {
            this(name, kernel, setup, lookup, memory, bootCost, distribution, null);
        }

        /** The distribution of lookup hops, present only for reports made in this JVM. */
        public Optional<HopDistribution> hopDistribution() {
            return Optional.ofNullable(distribution);
        }
    }

    /**
     * Counters of the splice phase (after the BOOTFS is in its root VMO) and its costs;
     * {@code shareCountUpdates} is 0 in reports written before it was counted.
     */
    @JsonPropertyOrder({
        "syscalls",
        "vmosCreated",
        "hiddenNodes",
        "pagesAllocated",
        "pagesZeroed",
        "pagesCopied",
        "pagesMoved",
        "shareCountUpdates",
        "modeledNs",
        "measuredNs"
    })
    public record Setup(
            long syscalls,
            long vmosCreated,
            long hiddenNodes,
            long pagesAllocated,
            long pagesZeroed,
            long pagesCopied,
            long pagesMoved,
            long shareCountUpdates,
            long modeledNs,
            long measuredNs) {

        /** These counters with the costs {@code modeledNs} and {@code measuredNs} instead. */
        public Setup withCosts(long modeledNs, long measuredNs) {
            return new Setup(
                    syscalls,
                    vmosCreated,
                    hiddenNodes,
                    pagesAllocated,
                    pagesZeroed,
                    pagesCopied,
                    pagesMoved,
                    shareCountUpdates,
                    modeledNs,
                    measuredNs);
        }
    }

    /** The boot accesses: page reads, hops walked, and their costs. */
    public record Lookup(long accesses, Hops hops, long modeledNs, long measuredNs) {

        /** These accesses with the costs {@code modeledNs} and {@code measuredNs} instead. */
        public Lookup withCosts(long modeledNs, long measuredNs) {
            return new Lookup(accesses, hops, modeledNs, measuredNs);
        }
    }

    /** Hops walked per page read: total, mean and percentiles (nearest rank). */
    @JsonPropertyOrder({"total", "mean", "p50", "p90", "p99", "max"})
    public record Hops(long total, double mean, long p50, long p90, long p99, long max) {}

    /** Model pages allocated: the peak over the run and what is left at the end. */
    public record Memory(long peakPages, long endPages) {}

    /** The modeled boot cost: setup plus lookup. */
    public record BootCost(long modeledNs) {}

    /** Every non-baseline strategy relative to the baseline strategy. */
    public record Comparison(String baseline, List<ComparisonRow> rows) {
        public Comparison {
            rows = rows == null ? List.of() : List.copyOf(rows);
        }
    }

    /**
     * Percentages relative to the baseline strategy as `cli.md` defines them; a value is null
     * when the baseline's value is 0 and the ratio has no meaning.
     */
    @JsonPropertyOrder({"strategy", "lookupImprovementPct", "setupChangePct", "bootCostChangePct", "peakMemoryChangePct"
    })
    public record ComparisonRow(
            String strategy,
            Double lookupImprovementPct,
            Double setupChangePct,
            Double bootCostChangePct,
            Double peakMemoryChangePct) {}
}
