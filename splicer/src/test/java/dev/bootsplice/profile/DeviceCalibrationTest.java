package dev.bootsplice.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bootsplice.profile.CostModel.Op;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceCalibrationTest {
    private static final int[] KBYTES = {4, 32, 128, 512, 2048};

    @TempDir
    Path dir;

    /** Costs unlike the defaults; pageAlloc:pageZero in the defaults' 70:183, which the fit keeps. */
    private static Map<Op, Double> chosen() {
        Map<Op, Double> c = new EnumMap<>(Op.class);
        c.put(Op.SYSCALL, 900.0);
        c.put(Op.VMO_CREATE, 2_000.0);
        c.put(Op.PAGE_ALLOC, 140.0);
        c.put(Op.PAGE_ZERO, 366.0);
        c.put(Op.PAGE_COPY, 410.0);
        c.put(Op.PAGE_MOVE, 55.0);
        c.put(Op.PAGE_FAULT, 3_000.0);
        c.put(Op.LOOKUP_HOP, 35.0);
        c.put(Op.SHARE_COUNT_UPDATE, 12.0);
        return c;
    }

    /**
     * A fuchsiaperf file as vmo.cc's tests would write it on a device with costs {@code c}: every
     * size, steps as LABEL.STEP, each size's values around the true time by {@code noise}, with a
     * cold first run, plus labels the mapping does not use.
     */
    private Path file(Map<Op, Double> c, List<String> families, Noise noise) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode entries = json.createArrayNode();
        for (int kb : KBYTES) {
            double p = kb / 4.0;
            double sys = c.get(Op.SYSCALL);
            double copy = c.get(Op.PAGE_COPY);
            double allocZero = c.get(Op.PAGE_ALLOC) + c.get(Op.PAGE_ZERO);
            add(entries, families, "Vmo/Write/" + kb + "kbytes", sys + p * copy, noise);
            add(entries, families, "Vmo/Read/" + kb + "kbytes", sys + p * copy, noise);
            add(entries, families, "Vmo/TransferData/" + kb + "kbytes.fill_source", 50 * p, noise);
            add(entries, families, "Vmo/TransferData/" + kb + "kbytes.transfer", sys + p * c.get(Op.PAGE_MOVE), noise);
            add(
                    entries,
                    families,
                    "Vmo/CreateWriteReadClose/" + kb + "kbytes.create",
                    sys + c.get(Op.VMO_CREATE),
                    noise);
            add(
                    entries,
                    families,
                    "Vmo/CreateWriteReadClose/" + kb + "kbytes.write",
                    sys + p * (allocZero + copy),
                    noise);
            add(entries, families, "Vmo/Memcpy/WithPrecommit/" + kb + "kbytes.precommit", sys + p * allocZero, noise);
            add(
                    entries,
                    families,
                    "Vmo/Memcpy/WithoutPrecommit/" + kb + "kbytes.memcpy",
                    p * (c.get(Op.PAGE_FAULT) + allocZero + copy),
                    noise);
            add(
                    entries,
                    families,
                    "Vmo/Clone/ReadCloneAll/" + kb + "kbytes.read",
                    sys + p * (copy + c.get(Op.LOOKUP_HOP)),
                    noise);
            add(entries, families, "VmoMap/Read/" + kb + "kbytes", 123 + p, noise);
        }
        add(entries, families, "Channel/WriteRead/64bytes", 2_000, noise);
        for (int kb : KBYTES) {
            // after the others, so the seeded noise of the other series is unchanged
            add(
                    entries,
                    families,
                    "Vmo/Clone/" + kb + "kbytes.clone",
                    c.get(Op.SYSCALL) + 2 * c.get(Op.VMO_CREATE) + kb / 4.0 * c.get(Op.SHARE_COUNT_UPDATE),
                    noise);
        }
        Path f = dir.resolve("vmo-" + families.size() + ".fuchsiaperf.json");
        Files.writeString(f, json.writerWithDefaultPrettyPrinter().writeValueAsString(entries));
        return f;
    }

    /** Values around a true time: symmetric offsets (the median is the time) or seeded random ones. */
    private record Noise(double spread, Random random) {
        static Noise symmetric(double spread) {
            return new Noise(spread, null);
        }

        double[] around(double ns) {
            double[] offsets = {-1, -0.5, 0, 0.5, 1, -0.25, 0.25, -0.75};
            double[] v = new double[offsets.length + 1];
            v[0] = ns * 3;
            for (int i = 0; i < offsets.length; i++) {
                double o = random == null ? offsets[i] : random.nextGaussian() / 3;
                v[i + 1] = ns * (1 + spread * o);
            }
            return v;
        }
    }

    private static void add(ArrayNode entries, List<String> families, String label, double ns, Noise noise) {
        if (families.stream().noneMatch(label::startsWith)) {
            return;
        }
        ObjectNode e = entries.addObject();
        e.put("label", label);
        e.put("test_suite", "fuchsia.microbenchmarks");
        e.put("unit", "nanoseconds");
        ArrayNode values = e.putArray("values");
        for (double v : noise.around(ns)) {
            values.add(v);
        }
    }

    private static final List<String> ALL = List.of("Vmo/", "VmoMap/", "Channel/");

    @Test
    void aFileMadeFromKnownCostsCalibratesToThemWithinOnePercent() throws Exception {
        DeviceCalibration fit = DeviceCalibration.fit(List.of(file(chosen(), ALL, Noise.symmetric(0.04))));
        CostModel m = fit.model();
        chosen().forEach((op, ns) -> assertThat(m.ns(op)).as(op.key()).isCloseTo(ns, within(ns * 0.01)));
        assertThat(m.name()).isEqualTo("device");
        assertThat(m.source()).contains("fitted syscall, pageCopy, pageMove", "defaults kept for none");
    }

    @Test
    void randomNoiseStillRecoversTheDirectlyFittedCostsWithinOnePercent() throws Exception {
        Noise noise = new Noise(0.01, new Random(7));
        CostModel m = DeviceCalibration.fit(List.of(file(chosen(), ALL, noise))).model();
        for (Op op : List.of(Op.SYSCALL, Op.PAGE_COPY, Op.PAGE_MOVE, Op.PAGE_FAULT, Op.PAGE_ALLOC)) {
            assertThat(m.ns(op)).as(op.key()).isCloseTo(chosen().get(op), within(chosen().get(op) * 0.01));
        }
    }

    @Test
    void theExplanationNamesTheLabelsBehindEachKeyTheResidualsAndTheIgnoredLabels() throws Exception {
        List<String> lines = DeviceCalibration.fit(List.of(file(chosen(), ALL, Noise.symmetric(0.04))))
                .explanation();
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .startsWith("pageMove = 55.0 ns: slope of Vmo/TransferData/*.transfer")
                .contains("Vmo/TransferData/4kbytes.transfer", "Vmo/TransferData/2048kbytes.transfer"));
        assertThat(lines)
                .anySatisfy(
                        l -> assertThat(l).startsWith("fit Vmo/Write: 5 sizes").contains("residual 0.00%"));
        assertThat(lines)
                .contains(
                        "ignored (not mapped): VmoMap/Read/* (5 entries)",
                        "ignored (not mapped): Channel/WriteRead/64bytes",
                        "ignored (not mapped): Vmo/TransferData.fill_source (5 entries)");
    }

    @Test
    void aFileWithOnlySomeFamiliesKeepsTheDefaultsForTheRestAndSaysSo() throws Exception {
        CostModel d = CostModel.defaults();
        DeviceCalibration fit = DeviceCalibration.fit(
                List.of(file(chosen(), List.of("Vmo/TransferData/", "Vmo/Write/"), Noise.symmetric(0.02))));
        CostModel m = fit.model();
        assertThat(m.ns(Op.PAGE_MOVE)).isCloseTo(55.0, within(0.55));
        assertThat(m.ns(Op.PAGE_COPY)).isCloseTo(410.0, within(4.1));
        assertThat(m.ns(Op.SYSCALL)).isCloseTo(900.0, within(9.0));
        for (Op op : List.of(Op.VMO_CREATE, Op.PAGE_ALLOC, Op.PAGE_ZERO, Op.PAGE_FAULT, Op.LOOKUP_HOP)) {
            assertThat(m.ns(op)).as(op.key()).isEqualTo(d.ns(op));
        }
        assertThat(fit.explanation()).anySatisfy(l -> assertThat(l)
                .startsWith("pageFault = 11,300.0 ns: default kept: needs " + "Vmo/Memcpy/WithoutPrecommit/*.memcpy"));
        assertThat(m.source()).contains("defaults kept for vmoCreate, pageAlloc, pageZero, pageFault, lookupHop");
    }

    @Test
    void aWholeTransferLabelWithoutStepsStillGivesPageMove() throws Exception {
        Path f = dir.resolve("old.json");
        Files.writeString(
                f,
                "["
                        + String.join(
                                ",",
                                java.util.Arrays.stream(KBYTES)
                                        .mapToObj(kb -> "{\"label\":\"Vmo/TransferData/" + kb
                                                + "kbytes\",\"test_suite\":\"fuchsia.microbenchmarks\","
                                                + "\"unit\":\"ms\",\"values\":[" + (0.001 + kb / 4.0 * 30e-6) + "]}")
                                        .toList())
                        + "]");
        CostModel m = DeviceCalibration.fit(List.of(f)).model();
        assertThat(m.ns(Op.PAGE_MOVE)).isCloseTo(30.0, within(0.3));
    }

    @Test
    void malformedFilesAreInputErrorsNamingTheFileAndTheEntry() throws Exception {
        assertThatThrownBy(() -> fit("{\"label\": 1}"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bad.json: not a fuchsiaperf file");
        assertThatThrownBy(
                        () -> fit(
                                "[{\"label\":\"Vmo/Write/4kbytes\",\"test_suite\":\"s\",\"unit\":\"furlongs\",\"values\":[1]}]"))
                .hasMessageContaining("bad.json: entry 0 (label \"Vmo/Write/4kbytes\"): unit \"furlongs\"");
        assertThatThrownBy(() -> fit("[{\"label\":\"a\",\"test_suite\":\"s\",\"unit\":\"ns\",\"values\":[1]}, 3]"))
                .hasMessageContaining("bad.json: entry 1: not an object");
        assertThatThrownBy(() -> fit("[{\"label\":\"Vmo/Write/4kbytes\",\"unit\":\"ns\",\"values\":[1]}]"))
                .hasMessageContaining("entry 0 (label \"Vmo/Write/4kbytes\"): field \"test_suite\" missing");
        assertThatThrownBy(() ->
                        fit("[{\"label\":\"Vmo/Write/4kbytes\",\"test_suite\":\"s\",\"unit\":\"ns\",\"values\":[]}]"))
                .hasMessageContaining("values must be a non-empty list");
        assertThatThrownBy(() -> fit(
                        "[{\"label\":\"Vmo/Write/4kbytes\",\"test_suite\":\"s\",\"unit\":\"bytes\",\"values\":[1]}]"))
                .hasMessageContaining("entry 0 (label \"Vmo/Write/4kbytes\"): unit \"bytes\" is not a time");
        assertThatThrownBy(() -> fit("[{\"label\":")).hasMessageContaining("bad.json: not JSON");
    }

    private void fit(String text) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, text);
        DeviceCalibration.fit(List.of(f));
    }

    @Test
    void aSeriesWithOneSizeIsNotFittedAndItsKeysKeepTheDefault() throws Exception {
        Path f = dir.resolve("one.json");
        Files.writeString(
                f, "[{\"label\":\"Vmo/Write/4kbytes\",\"test_suite\":\"s\",\"unit\":\"ns\",\"values\":[1500]}]");
        DeviceCalibration fit = DeviceCalibration.fit(List.of(f));
        assertThat(fit.model().ns(Op.PAGE_COPY)).isEqualTo(CostModel.defaults().ns(Op.PAGE_COPY));
        assertThat(fit.explanation()).anySatisfy(l -> assertThat(l).contains("Vmo/Write: not fitted"));
    }

    @Test
    void negativeDerivedCostsKeepTheDefault() throws Exception {
        Map<Op, Double> c = chosen();
        c.put(Op.LOOKUP_HOP, -20.0);
        DeviceCalibration fit = DeviceCalibration.fit(List.of(file(c, ALL, Noise.symmetric(0.0))));
        assertThat(fit.model().ns(Op.LOOKUP_HOP)).isEqualTo(CostModel.defaults().ns(Op.LOOKUP_HOP));
        assertThat(fit.explanation()).anySatisfy(l -> assertThat(l)
                .startsWith("lookupHop = 20.0 ns: default kept: ")
                .contains("gives -20.00 ns, below 0"));
    }
}
