package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void theWrittenModelIsAcceptedByProfileAndNotOverwrittenWithoutForce() throws Exception {
        Path model = tmp.resolve("costs.json");
        Cli.Result r = Cli.run("calibrate", "-o", model.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode written = JSON.readTree(model.toFile());
        assertThat(written.get("ns").get("pageCopy").asDouble()).isPositive();
        assertThat(written.get("name").asText()).isEqualTo("host-model");
        assertThat(written.get("source").asText()).contains("the speed of this model, not of a Zircon kernel");
        assertThat(r.out()).contains("host-model: bootsplice calibrate: the Java VMO model timed on this host");

        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        JsonNode report = JSON.readTree(Cli.run("profile", image.toString(), "--format=json", "--cost-model=" + model)
                .out());
        assertThat(report.get("costModel").get("name").asText())
                .isEqualTo(written.get("name").asText());
        assertThat(report.get("costModel").get("source").asText())
                .isEqualTo(written.get("source").asText());
        assertThat(report.get("costModel").get("ns").get("pageCopy").asDouble())
                .isEqualTo(written.get("ns").get("pageCopy").asDouble());

        Files.writeString(model, "{}");
        assertThat(Cli.run("calibrate", "-o", model.toString()).exitCode()).isEqualTo(3);
        assertThat(Files.readString(model)).isEqualTo("{}");
    }
}
