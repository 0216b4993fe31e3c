package dev.bootsplice.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootsplice.profile.CostModel.Op;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostModelTest {
    @Test
    void defaultsAreTheDocumentedMachineCostFigures() {
        CostModel m = CostModel.defaults();
        assertThat(m.name()).isEqualTo("default");
        assertThat(m.ns(Op.SYSCALL)).isEqualTo(1200);
        assertThat(m.ns(Op.PAGE_ZERO)).isEqualTo(183);
        assertThat(m.ns(Op.PAGE_COPY)).isEqualTo(295);
        assertThat(m.ns(Op.PAGE_MOVE)).isEqualTo(24);
        assertThat(m.ns(Op.LOOKUP_HOP)).isEqualTo(20);
        assertThat(m.ns(Op.SHARE_COUNT_UPDATE)).isEqualTo(8);
        assertThat(m.nsByKey())
                .containsOnlyKeys(
                        "syscall",
                        "vmoCreate",
                        "pageAlloc",
                        "pageZero",
                        "pageCopy",
                        "pageMove",
                        "pageFault",
                        "lookupHop",
                        "shareCountUpdate");
    }

    @Test
    void aModelSurvivesAJsonRoundTripThroughAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(file, CostModel.defaults().toJson().replace("\"default\"", "\"mine\""));
        CostModel back = CostModel.load(file);
        assertThat(back.name()).isEqualTo("mine");
        assertThat(back.nsByKey()).isEqualTo(CostModel.defaults().nsByKey());
    }

    @Test
    void missingKeysTakeTheDefaultAndTheNameFallsBackToTheFileName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fast.json");
        Files.writeString(file, "{ \"ns\": { \"pageCopy\": 50 } }");
        CostModel m = CostModel.load(file);
        assertThat(m.name()).isEqualTo("fast.json");
        assertThat(m.ns(Op.PAGE_COPY)).isEqualTo(50);
        assertThat(m.ns(Op.SYSCALL)).isEqualTo(1200);
    }

    @Test
    void unknownKeysNegativeCostsAndNonJsonAreRejected() {
        assertThatThrownBy(() -> CostModel.fromJson("{\"ns\":{\"teleport\":1}}", "x"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unknown cost \"teleport\"");
        assertThatThrownBy(() -> CostModel.fromJson("{\"ns\":{\"pageCopy\":-1}}", "x"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("pageCopy must be a finite number >= 0");
        assertThatThrownBy(() -> CostModel.fromJson("{\"ns\":{\"pageCopy\":\"fast\"}}", "x"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> CostModel.fromJson("[]", "x")).isInstanceOf(IOException.class);
    }

    @Test
    void costIsCountTimesNanoseconds() {
        assertThat(CostModel.defaults().cost(Op.PAGE_COPY, 1000)).isEqualTo(295_000);
        assertThat(CostModel.defaults().cost(Op.LOOKUP_HOP, 0)).isZero();
    }
}
