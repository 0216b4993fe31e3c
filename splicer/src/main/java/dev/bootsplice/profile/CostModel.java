package dev.bootsplice.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nanoseconds per counted operation; a modeled cost is always a count times one of these.
 *
 * <p>Defaults ({@link #defaults()}), each from {@code shared/machine-costs.md} (a 2-vCPU
 * virtual machine, so kernel entries and page-table changes are 10–50× bare metal):
 *
 * <table>
 *   <caption>default costs</caption>
 *   <tr><th>key</th><th>ns</th><th>source</th></tr>
 *   <tr><td>syscall</td><td>1200</td><td>"null system call 1.2 µs"</td></tr>
 *   <tr><td>vmoCreate</td><td>1200</td><td>no figure exists; one more kernel entry's worth for
 *       allocating the VMO, its page list and handle (an estimate: calibrate to replace it)</td></tr>
 *   <tr><td>pageAlloc</td><td>70</td><td>"2 MiB huge pages, per 4 KiB: 0.24–0.27 µs" (fault,
 *       allocate, zero amortised) minus the 183 ns streaming zero</td></tr>
 *   <tr><td>pageZero</td><td>183</td><td>"zero one 4 KiB page (streaming) ~183 ns"</td></tr>
 *   <tr><td>pageCopy</td><td>295</td><td>"copy one 4 KiB page (streaming) ~295 ns"</td></tr>
 *   <tr><td>pageMove</td><td>24</td><td>"HashMap remove + put keyed by page index ~24 ns": moving
 *       a page between two page lists without touching its bytes (RFC-0223: pages are moved,
 *       "instead of copying data")</td></tr>
 *   <tr><td>pageFault</td><td>11300</td><td>"first write to a fresh anonymous 4 KiB page (fault,
 *       allocate, zero) 11.6–15 µs" minus pageAlloc and pageZero: the fault's kernel entry and
 *       page-table update, paid once per boot access</td></tr>
 *   <tr><td>lookupHop</td><td>20</td><td>"HashMap per node, 1,024 pages per node ... ~20 ns
 *       (k = 256)": boot chains are thousands of nodes deep, so out of cache</td></tr>
 *   <tr><td>shareCountUpdate</td><td>8</td><td>"HashMap per node, 1,024 pages per node: ~8 ns
 *       (k ≤ 64)": one probe of the parent's page list plus an in-place update, per page a
 *       share-count clone shares or releases (RFC-0254: clone creation and child destruction are
 *       O(#parent pages))</td></tr>
 * </table>
 */
public final class CostModel {
    /** The counted operations, in the order of the JSON contract's `ns` object. */
    public enum Op {
        SYSCALL("syscall"),
        VMO_CREATE("vmoCreate"),
        PAGE_ALLOC("pageAlloc"),
        PAGE_ZERO("pageZero"),
        PAGE_COPY("pageCopy"),
        PAGE_MOVE("pageMove"),
        PAGE_FAULT("pageFault"),
        LOOKUP_HOP("lookupHop"),
        SHARE_COUNT_UPDATE("shareCountUpdate");

        private final String key;

        Op(String key) {
            this.key = key;
        }

        /** The operation's key in JSON. */
        public String key() {
            return key;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Where the default figures come from. */
    public static final String DEFAULT_SOURCE =
            "shared/machine-costs.md: figures of a 2-vCPU VM, sources per key in splicer/README.md";

    private static final CostModel DEFAULTS = new CostModel("default", DEFAULT_SOURCE, defaultNs());

    private final String name;
    // what the figures describe and where they come from; never null
    private final String source;
    // every Op has a finite, non-negative cost
    private final EnumMap<Op, Double> ns;

    /**
     * A cost model named {@code name} with a cost for every operation.
     *
     * @throws IllegalArgumentException if an operation is missing or its cost is negative or not finite
     */
    public CostModel(String name, String source, Map<Op, Double> ns) {
        this.name = name;
        this.source = source == null ? "not stated" : source;
        this.ns = new EnumMap<>(Op.class);
        for (Op op : Op.values()) {
            Double value = ns.get(op);
            if (value == null || !Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException(
                        "cost model \"" + name + "\": " + op.key() + " must be a finite number >= 0, was " + value);
            }
            this.ns.put(op, value);
        }
    }

    /**
     * A cost model named {@code name} whose source is not stated.
     *
     * @throws IllegalArgumentException if an operation is missing or its cost is negative or not finite
     */
    public CostModel(String name, Map<Op, Double> ns) {
        this(name, null, ns);
    }

    /** The documented default model (see the class comment for each figure's source). */
    public static CostModel defaults() {
        return DEFAULTS;
    }

    /**
     * The model a report describes by name, source and costs keyed as in JSON ({@link #nsByKey()});
     * a key it lacks takes the default, a key it does not know is ignored.
     *
     * @throws IllegalArgumentException if a cost is negative or not finite
     */
    public static CostModel fromKeys(String name, String source, Map<String, Double> nsByKey) {
        Map<Op, Double> ns = new EnumMap<>(Op.class);
        for (Op op : Op.values()) {
            ns.put(op, nsOrDefault(nsByKey, op));
        }
        return new CostModel(name, source, ns);
    }

    /** The cost of {@code op} in costs keyed as in JSON, or its default when they lack it. */
    public static double nsOrDefault(Map<String, Double> nsByKey, Op op) {
        Double v = nsByKey.get(op.key());
        return v != null ? v : DEFAULTS.ns(op);
    }

    private static Map<Op, Double> defaultNs() {
        Map<Op, Double> ns = new EnumMap<>(Op.class);
        ns.put(Op.SYSCALL, 1200.0);
        ns.put(Op.VMO_CREATE, 1200.0);
        ns.put(Op.PAGE_ALLOC, 70.0);
        ns.put(Op.PAGE_ZERO, 183.0);
        ns.put(Op.PAGE_COPY, 295.0);
        ns.put(Op.PAGE_MOVE, 24.0);
        ns.put(Op.PAGE_FAULT, 11300.0);
        ns.put(Op.LOOKUP_HOP, 20.0);
        ns.put(Op.SHARE_COUNT_UPDATE, 8.0);
        return ns;
    }

    /** The model's name (`default`, a calibration name, or what its JSON says). */
    public String name() {
        return name;
    }

    /** What the figures describe and where they come from (e.g. the host model, a device's file). */
    public String source() {
        return source;
    }

    /** This model with {@code op} costing {@code value} ns instead (same name and source). */
    public CostModel with(Op op, double value) {
        Map<Op, Double> changed = new EnumMap<>(ns);
        changed.put(op, value);
        return new CostModel(name, source, changed);
    }

    /** Nanoseconds one {@code op} costs. */
    public double ns(Op op) {
        return ns.get(op);
    }

    /** {@code count} operations of kind {@code op}, in nanoseconds (rounded to the nearest ns). */
    public long cost(Op op, long count) {
        return Math.round(count * ns(op));
    }

    /** The costs keyed by their JSON names, in contract order. */
    public Map<String, Double> nsByKey() {
        Map<String, Double> byKey = new LinkedHashMap<>();
        ns.forEach((op, value) -> byKey.put(op.key(), value));
        return byKey;
    }

    /** The model as JSON: {@code { "name": ..., "source": ..., "ns": { ... } }}. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        root.put("source", source);
        ObjectNode costs = root.putObject("ns");
        ns.forEach((op, value) -> costs.put(op.key(), value));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cost model always serialises", e);
        }
    }

    /**
     * Reads a model from JSON text of the {@link #toJson()} shape; keys it lacks take the default,
     * an unknown top-level field other than name, source and ns is ignored.
     *
     * @throws IOException if the text is not JSON, a key is unknown, or a cost is not a number >= 0
     */
    public static CostModel fromJson(String json, String fallbackName) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isObject() || !root.path("ns").isObject()) {
            throw new IOException("cost model: expected { \"name\": ..., \"ns\": { ... } }");
        }
        Map<Op, Double> ns = new EnumMap<>(DEFAULTS.ns);
        for (Map.Entry<String, JsonNode> field : root.get("ns").properties()) {
            Op op = opOf(field.getKey());
            if (!field.getValue().isNumber()) {
                throw new IOException("cost model: ns." + field.getKey() + " is not a number");
            }
            ns.put(op, field.getValue().asDouble());
        }
        String name = root.path("name").isTextual() ? root.get("name").asText() : fallbackName;
        String source = root.path("source").isTextual()
                ? root.get("source").asText()
                : "cost-model file " + fallbackName + " (it names no source)";
        try {
            return new CostModel(name, source, ns);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Op opOf(String key) throws IOException {
        for (Op op : Op.values()) {
            if (op.key().equals(key)) {
                return op;
            }
        }
        throw new IOException("cost model: unknown cost \"" + key + "\"");
    }

    /**
     * Reads a model file written by `calibrate` (or by hand).
     *
     * @throws IOException if the file is unreadable or not a cost model
     */
    public static CostModel load(Path file) throws IOException {
        return fromJson(Files.readString(file), file.getFileName().toString());
    }

    /**
     * Writes {@link #toJson()} to {@code file} (replacing it), the file `--cost-model=FILE` reads.
     *
     * @throws IOException if the file cannot be written
     */
    public void writeTo(Path file) throws IOException {
        Files.writeString(file, toJson());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CostModel other
                && name.equals(other.name)
                && source.equals(other.source)
                && ns.equals(other.ns);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + ns.hashCode();
    }

    @Override
    public String toString() {
        return "CostModel" + toJson();
    }
}
