package dev.bootsplice.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootsplice.splice.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyListTest {
    @Test
    void namesKeepTheirOrder() {
        assertThat(StrategyList.parse(List.of("transfer", "clone-sharecount", "copy")))
                .containsExactly(Strategy.TRANSFER, Strategy.CLONE_SHARECOUNT, Strategy.COPY);
    }

    @Test
    void commaSeparatedElementsReadLikeSeparateOnes() {
        assertThat(StrategyList.parse(List.of("clone, transfer", "copy")))
                .containsExactly(Strategy.CLONE, Strategy.TRANSFER, Strategy.COPY)
                .isEqualTo(StrategyList.parse(List.of("clone", "transfer", "copy")));
    }

    @Test
    void namesAreCaseInsensitive() {
        assertThat(StrategyList.parse(List.of("CLONE,Transfer"))).containsExactly(Strategy.CLONE, Strategy.TRANSFER);
    }

    @Test
    void unknownNameIsRejectedWithTheChoices() {
        assertThatThrownBy(() -> StrategyList.parse(List.of("clone,mmap")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"mmap\"")
                .hasMessageContaining("clone, clone-sharecount, copy or transfer");
    }

    @Test
    void repeatedNameIsRejected() {
        assertThatThrownBy(() -> StrategyList.parse(List.of("clone", "copy,clone")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("strategy \"clone\" given twice");
    }

    @Test
    void emptyListIsRejected() {
        assertThatThrownBy(() -> StrategyList.parse(List.of(" , ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no strategy given");
    }
}
