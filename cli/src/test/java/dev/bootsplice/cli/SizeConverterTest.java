package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class SizeConverterTest {
    @Test
    void binarySuffixesMultiplyByPowersOf1024() {
        assertThat(SizeConverter.parse("4096")).isEqualTo(4096);
        assertThat(SizeConverter.parse("512KiB")).isEqualTo(512L * 1024);
        assertThat(SizeConverter.parse("64MiB")).isEqualTo(64L << 20);
        assertThat(SizeConverter.parse("1GiB")).isEqualTo(1L << 30);
        assertThat(SizeConverter.parse("2g")).isEqualTo(2L << 30);
        assertThat(SizeConverter.parse("7B")).isEqualTo(7);
    }

    @Test
    void garbageNegativeUnknownUnitsAndOverflowAreRejected() {
        for (String bad : new String[] {"", "-1", "GiB", "12XB", "1.5GiB", "99999999999TiB", "99999999999999999999"}) {
            assertThatThrownBy(() -> SizeConverter.parse(bad)).as(bad).isInstanceOf(TypeConversionException.class);
        }
    }
}
