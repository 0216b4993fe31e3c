package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README tour's `calibrate --from` example file fits back to the costs it was made from. */
class TourFuchsiaperfExampleTest {
    private static final Path EXAMPLE = Path.of("../testdata/fuchsiaperf/synthetic-vmo.fuchsiaperf.json");

    /** The per-call and per-page costs the example file was written from (testdata/fuchsiaperf/README.md). */
    private static final Map<String, Double> MADE_FROM = Map.of(
            "syscall", 900.0,
            "vmoCreate", 2_000.0,
            "pageAlloc", 140.0,
            "pageZero", 366.0,
            "pageCopy", 410.0,
            "pageMove", 55.0,
            "pageFault", 3_000.0,
            "lookupHop", 35.0,
            "shareCountUpdate", 12.0);

    @TempDir
    Path tmp;

    @Test
    void theTourExampleCalibratesToTheCostsItWasMadeFrom() throws Exception {
        Path model = tmp.resolve("device.json");
        Cli.Result r = Cli.run("calibrate", "--from=" + EXAMPLE, "-o", model.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode ns = new ObjectMapper().readTree(Files.readString(model)).get("ns");
        MADE_FROM.forEach(
                (key, cost) -> assertThat(ns.get(key).asDouble()).as(key).isCloseTo(cost, within(cost * 0.01)));
    }
}
