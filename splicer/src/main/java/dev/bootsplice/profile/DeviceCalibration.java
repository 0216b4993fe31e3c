package dev.bootsplice.profile;

import dev.bootsplice.profile.CostModel.Op;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cost model fitted to a device's own Fuchsia microbenchmark results (`calibrate --from`), the
 * fuchsiaperf files {@code src/tests/microbenchmarks/vmo.cc} writes: its tests run at 4, 32, 128,
 * 512 and 2048 KiB ({@code RegisterVmoTest}) and name steps with {@code DeclareStep}, written as
 * {@code LABEL.STEP}. Each series (a label family at every size, one step) is fitted by least
 * squares to nanoseconds = per call + per page × pages, over the median of each size's values
 * (the median, because perftest's first run is often a cold outlier); each cost key is one fit's
 * slope or intercept, or a difference of them, as {@link #MAPPING} says. Keys whose series are
 * missing keep their default, and the explanation says so.
 */
public final class DeviceCalibration {
    /** The model's name. */
    public static final String NAME = "device";

    private static final Pattern SIZED = Pattern.compile("(.+)/(\\d+)kbytes(?:\\.([A-Za-z0-9_]+))?");
    private static final double PAGE = 4096;

    static final String WRITE = "Vmo/Write";
    static final String READ = "Vmo/Read";
    static final String TRANSFER = "Vmo/TransferData.transfer";
    static final String TRANSFER_WHOLE = "Vmo/TransferData";
    static final String CREATE = "Vmo/CreateWriteReadClose.create";
    static final String CREATE_WRITE = "Vmo/CreateWriteReadClose.write";
    static final String CLONE = "Vmo/Clone.clone";
    static final String PRECOMMIT = "Vmo/Memcpy/WithPrecommit.precommit";
    static final String FAULTING_MEMCPY = "Vmo/Memcpy/WithoutPrecommit.memcpy";
    static final String READ_CLONE = "Vmo/Clone/ReadCloneAll.read";

    /** One way to get a key: the series it needs, how it is read off their fits, in words. */
    record Way(List<String> needs, ToDoubleFunction<DeviceCalibration> value, String how) {}

    /**
     * Each key's ways, first available wins (a series name is a label family, {@code .step} for a
     * step; {@code intercept}: per call, {@code slope}: per page):
     *
     * <table>
     *   <caption>fuchsiaperf series to cost keys</caption>
     *   <tr><th>key</th><th>from</th></tr>
     *   <tr><td>syscall</td><td>intercept of Vmo/Write/* (a zx_vmo_write of committed pages: one
     *       kernel entry and handle lookup per call); else of Vmo/Read/*</td></tr>
     *   <tr><td>pageCopy</td><td>slope of Vmo/Write/*; else of Vmo/Read/*</td></tr>
     *   <tr><td>pageMove</td><td>slope of Vmo/TransferData/*.transfer; else of the whole
     *       Vmo/TransferData/* label (files written before the test had steps)</td></tr>
     *   <tr><td>vmoCreate</td><td>intercept of Vmo/CreateWriteReadClose/*.create minus syscall;
     *       else (intercept of Vmo/Clone/*.clone minus syscall) / 2 (a snapshot child makes the
     *       child and, in the legacy chain, one hidden node)</td></tr>
     *   <tr><td>pageAlloc + pageZero</td><td>slope of Vmo/Memcpy/WithPrecommit/*.precommit (commit:
     *       allocate and zero); else slope of Vmo/CreateWriteReadClose/*.write minus pageCopy; split
     *       in the defaults' 70:183 ratio, since no microbenchmark times the two apart</td></tr>
     *   <tr><td>pageFault</td><td>slope of Vmo/Memcpy/WithoutPrecommit/*.memcpy (fault, allocate,
     *       zero, copy per page) minus pageAlloc, pageZero and pageCopy</td></tr>
     *   <tr><td>lookupHop</td><td>slope of Vmo/Clone/ReadCloneAll/*.read (every read one hop
     *       through the clone) minus slope of Vmo/Read/*; else minus pageCopy</td></tr>
     * </table>
     */
    static final Map<Op, List<Way>> MAPPING = mapping();

    private final Map<String, TreeMap<Long, List<Double>>> series = new LinkedHashMap<>();
    private final Map<String, List<String>> labels = new LinkedHashMap<>();
    private final Map<String, Integer> ignored = new TreeMap<>();
    private final Map<String, LinearFit> fits = new LinkedHashMap<>();
    private final Map<Op, Double> ns = new EnumMap<>(Op.class);
    private final List<String> explanation = new ArrayList<>();
    private final List<Path> files;
    private CostModel model;

    private DeviceCalibration(List<Path> files) {
        this.files = List.copyOf(files);
    }

    /**
     * Fits a model to the fuchsiaperf {@code files} (their entries together).
     *
     * @throws IOException if a file is unreadable or not fuchsiaperf, or a mapped entry is not a
     *     time; the message names the file and the entry
     */
    public static DeviceCalibration fit(List<Path> files) throws IOException {
        DeviceCalibration c = new DeviceCalibration(files);
        for (Path f : files) {
            c.add(f);
        }
        c.solve();
        return c;
    }

    /** The fitted model: fitted keys, the rest at their default; named {@link #NAME}. */
    public CostModel model() {
        return model;
    }

    /** Lines for people: the fits, which labels fed which key, which kept the default and why. */
    public List<String> explanation() {
        return List.copyOf(explanation);
    }

    private void add(Path file) throws IOException {
        String text = Files.readString(file);
        List<FuchsiaperfFile.Entry> entries;
        try {
            entries = FuchsiaperfFile.entries(text);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        for (FuchsiaperfFile.Entry e : entries) {
            Matcher m = SIZED.matcher(e.label());
            String name = m.matches() ? m.group(1) + (m.group(3) == null ? "" : "." + m.group(3)) : null;
            if (name == null || !mapped(name)) {
                ignored.merge(name == null ? e.label() : name + (m.group(3) == null ? "/*" : ""), 1, Integer::sum);
                continue;
            }
            long pages = Math.max(1, Math.round(Long.parseLong(m.group(2)) * 1024 / PAGE));
            List<Double> values = new ArrayList<>();
            for (double v : e.values()) {
                double t = FuchsiaperfFile.nanos(v, e.unit());
                if (Double.isNaN(t)) {
                    throw new IOException(file + ": " + e.where() + ": unit \"" + e.unit() + "\" is not a time");
                }
                values.add(t);
            }
            series.computeIfAbsent(name, k -> new TreeMap<>())
                    .computeIfAbsent(pages, k -> new ArrayList<>())
                    .addAll(values);
            labels.computeIfAbsent(name, k -> new ArrayList<>()).add(e.label());
        }
    }

    private static boolean mapped(String name) {
        return MAPPING.values().stream().flatMap(List::stream).anyMatch(w -> w.needs()
                .contains(name));
    }

    private void solve() {
        for (Map.Entry<String, TreeMap<Long, List<Double>>> s : series.entrySet()) {
            List<LinearFit.Point> points = new ArrayList<>();
            s.getValue().forEach((pages, values) -> points.add(new LinearFit.Point(pages, median(values))));
            try {
                LinearFit f = LinearFit.of(points);
                fits.put(s.getKey(), f);
                explanation.add(String.format(
                        Locale.ROOT,
                        "fit %s: %d sizes, %,.1f ns per call + %,.2f ns per page, residual %.2f%% (rms %,.1f ns)",
                        s.getKey(),
                        f.points(),
                        f.intercept(),
                        f.slope(),
                        f.residualPct(),
                        f.rmsResidual()));
            } catch (IllegalArgumentException e) {
                explanation.add("fit " + s.getKey() + ": not fitted: " + e.getMessage());
            }
        }
        for (Op op : Op.values()) {
            ns.put(op, CostModel.defaults().ns(op));
        }
        List<String> fitted = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (Op op : MAPPING.keySet()) {
            (resolve(op) ? fitted : kept).add(op.key());
        }
        for (Op op : Op.values()) {
            if (!MAPPING.containsKey(op)) {
                resolve(op);
                kept.add(op.key());
            }
        }
        ignored.forEach((label, n) ->
                explanation.add("ignored (not mapped): " + label + (n > 1 ? " (" + n + " entries)" : "")));
        String names = String.join(", ", files.stream().map(Path::toString).toList());
        model = new CostModel(
                NAME, "fuchsiaperf " + names + ": fitted " + list(fitted) + "; defaults kept for " + list(kept), ns);
    }

    private static String list(List<String> keys) {
        return keys.isEmpty() ? "none" : String.join(", ", keys);
    }

    /** Sets {@code op} by its first available way; false when it keeps its default. */
    private boolean resolve(Op op) {
        List<Way> ways = MAPPING.get(op);
        if (ways == null) {
            explanation.add(String.format(
                    Locale.ROOT,
                    "%s = %s ns: default kept (no microbenchmark maps to it)",
                    op.key(),
                    number(ns.get(op))));
            return false;
        }
        for (Way w : ways) {
            if (w.needs().stream().allMatch(fits::containsKey)) {
                double value = w.value().applyAsDouble(this);
                if (!(value >= 0)) {
                    explanation.add(String.format(
                            Locale.ROOT,
                            "%s = %s ns: default kept: %s gives %.2f ns, below 0",
                            op.key(),
                            number(ns.get(op)),
                            w.how(),
                            value));
                    return false;
                }
                ns.put(op, value);
                explanation.add(String.format(
                        Locale.ROOT,
                        "%s = %s ns: %s [%s]",
                        op.key(),
                        number(value),
                        w.how(),
                        String.join(
                                ", ",
                                w.needs().stream()
                                        .flatMap(n -> labels.get(n).stream())
                                        .toList())));
                return true;
            }
        }
        explanation.add(String.format(
                Locale.ROOT,
                "%s = %s ns: default kept: needs %s (not in the file)",
                op.key(),
                number(ns.get(op)),
                String.join(
                        " or ",
                        ways.stream()
                                .map(w -> String.join(
                                        " + ",
                                        w.needs().stream()
                                                .map(DeviceCalibration::pattern)
                                                .toList()))
                                .toList())));
        return false;
    }

    private static String pattern(String seriesName) {
        int dot = seriesName.indexOf('.');
        return dot < 0 ? seriesName + "/*" : seriesName.substring(0, dot) + "/*" + seriesName.substring(dot);
    }

    private double slope(String s) {
        return fits.get(s).slope();
    }

    private double intercept(String s) {
        return fits.get(s).intercept();
    }

    private double now(Op op) {
        return ns.get(op);
    }

    private static Map<Op, List<Way>> mapping() {
        double alloc = CostModel.defaults().ns(Op.PAGE_ALLOC);
        double share = alloc / (alloc + CostModel.defaults().ns(Op.PAGE_ZERO));
        // in resolution order: a way may use keys resolved before it
        Map<Op, List<Way>> m = new LinkedHashMap<>();
        m.put(
                Op.SYSCALL,
                List.of(
                        new Way(List.of(WRITE), c -> c.intercept(WRITE), "intercept of Vmo/Write/*"),
                        new Way(List.of(READ), c -> c.intercept(READ), "intercept of Vmo/Read/*")));
        m.put(
                Op.PAGE_COPY,
                List.of(
                        new Way(List.of(WRITE), c -> c.slope(WRITE), "slope of Vmo/Write/*"),
                        new Way(List.of(READ), c -> c.slope(READ), "slope of Vmo/Read/*")));
        m.put(
                Op.PAGE_MOVE,
                List.of(
                        new Way(List.of(TRANSFER), c -> c.slope(TRANSFER), "slope of Vmo/TransferData/*.transfer"),
                        new Way(List.of(TRANSFER_WHOLE), c -> c.slope(TRANSFER_WHOLE), "slope of Vmo/TransferData/*")));
        m.put(
                Op.VMO_CREATE,
                List.of(
                        new Way(
                                List.of(CREATE),
                                c -> c.intercept(CREATE) - c.now(Op.SYSCALL),
                                "intercept of Vmo/CreateWriteReadClose/*.create minus syscall"),
                        new Way(
                                List.of(CLONE),
                                c -> (c.intercept(CLONE) - c.now(Op.SYSCALL)) / 2,
                                "(intercept of Vmo/Clone/*.clone minus syscall) / 2")));
        m.put(
                Op.PAGE_ALLOC,
                List.of(
                        new Way(
                                List.of(PRECOMMIT),
                                c -> c.slope(PRECOMMIT) * share,
                                "slope of Vmo/Memcpy/WithPrecommit/*.precommit x 70/253"),
                        new Way(
                                List.of(CREATE_WRITE),
                                c -> (c.slope(CREATE_WRITE) - c.now(Op.PAGE_COPY)) * share,
                                "(slope of Vmo/CreateWriteReadClose/*.write minus pageCopy) x 70/253")));
        m.put(
                Op.PAGE_ZERO,
                List.of(
                        new Way(
                                List.of(PRECOMMIT),
                                c -> c.slope(PRECOMMIT) * (1 - share),
                                "slope of Vmo/Memcpy/WithPrecommit/*.precommit x 183/253"),
                        new Way(
                                List.of(CREATE_WRITE),
                                c -> (c.slope(CREATE_WRITE) - c.now(Op.PAGE_COPY)) * (1 - share),
                                "(slope of Vmo/CreateWriteReadClose/*.write minus pageCopy) x 183/253")));
        m.put(
                Op.PAGE_FAULT,
                List.of(new Way(
                        List.of(FAULTING_MEMCPY),
                        c -> c.slope(FAULTING_MEMCPY)
                                - c.now(Op.PAGE_ALLOC)
                                - c.now(Op.PAGE_ZERO)
                                - c.now(Op.PAGE_COPY),
                        "slope of Vmo/Memcpy/WithoutPrecommit/*.memcpy minus pageAlloc, pageZero and pageCopy")));
        m.put(
                Op.LOOKUP_HOP,
                List.of(
                        new Way(
                                List.of(READ_CLONE, READ),
                                c -> c.slope(READ_CLONE) - c.slope(READ),
                                "slope of Vmo/Clone/ReadCloneAll/*.read minus slope of Vmo/Read/*"),
                        new Way(
                                List.of(READ_CLONE),
                                c -> c.slope(READ_CLONE) - c.now(Op.PAGE_COPY),
                                "slope of Vmo/Clone/ReadCloneAll/*.read minus pageCopy")));
        // RFC-0254: on a share-count kernel creating a clone touches every parent page
        m.put(
                Op.SHARE_COUNT_UPDATE,
                List.of(new Way(
                        List.of(CLONE),
                        c -> c.slope(CLONE),
                        "slope of Vmo/Clone/*.clone (per-page share-count work of clone creation)")));
        return m;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.1f" : "%.3g", v);
    }
}
