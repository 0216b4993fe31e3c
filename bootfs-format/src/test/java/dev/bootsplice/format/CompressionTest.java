package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompressionTest {
    @ParameterizedTest
    @CsvSource({
        "zstd, zstd:4",
        "zstd:9, zstd:9",
        "zstd:max, zstd:19",
        "ZSTD.1, zstd:1",
        "lz4f, lz4f:4",
        "lz4f:max, lz4f:12",
        "lz4f:2, lz4f:2",
        "none, none",
        "NONE, none",
        "7, zstd:7",
        "max, zstd:19",
        "MAX, zstd:19",
        "zstd.max, zstd:19",
        "zstd.overclock, zstd:22",
        "zstd.22, zstd:22",
        "zstd:20, zstd:20",
        "lz4f.9, lz4f:9",
        "LZ4F.MAX, lz4f:12",
        "zstd.4, zstd:4"
    })
    void parseReadsEverySpelling(String text, String expected) {
        assertThat(Compression.parse(text)).hasToString(expected);
    }

    @Test
    void defaultIsZstdLevelFourLikeTheReferenceTool() {
        assertThat(Compression.DEFAULT).isEqualTo(new Compression(Codec.ZSTD, 4));
        assertThat(Compression.NONE.isNone()).isTrue();
        assertThat(Compression.parse(Compression.DEFAULT.toString())).isEqualTo(Compression.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "zstd:", "zstd:abc", "lz4", "", "zstd:max:1", "lz4f.overclock", "maxi", "4x"})
    void parseRejectsUnknownSyntaxWithTheToolsMessage(String text) {
        assertThatThrownBy(() -> Compression.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unrecognized compression algorithm syntax");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zstd:0", "zstd:23", "lz4f:13", "23", "0"})
    void parseRejectsLevelsOutsideTheCodecsRange(String text) {
        assertThatThrownBy(() -> Compression.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
    }
}
