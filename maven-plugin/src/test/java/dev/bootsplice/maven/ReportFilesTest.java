package dev.bootsplice.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootsplice.report.ReportFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReportFilesTest {
    @Test
    void everyFormatHasItsOwnFileName() {
        Set<String> names = EnumSet.allOf(ReportFormat.class).stream()
                .map(ReportFiles::fileName)
                .collect(Collectors.toSet());
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "report.txt",
                        "report.json",
                        "report.md",
                        "report.html",
                        "report.junit.xml",
                        "report.fuchsiaperf.json");
    }

    @Test
    void jsonIsAlwaysWritten() {
        assertThat(ReportFiles.formats(List.of("html"))).containsExactly(ReportFormat.JSON, ReportFormat.HTML);
        assertThat(ReportFiles.formats(List.of())).containsExactly(ReportFormat.JSON);
    }

    @Test
    void formatsMayBeCommaSeparatedAndRepeated() {
        assertThat(ReportFiles.formats(List.of("markdown, junit", "TEXT", "junit")))
                .containsExactly(ReportFormat.TEXT, ReportFormat.JSON, ReportFormat.MARKDOWN, ReportFormat.JUNIT);
    }

    @Test
    void unknownFormatIsRejectedWithTheChoices() {
        assertThatThrownBy(() -> ReportFiles.formats(List.of("pdf")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"pdf\"")
                .hasMessageContaining("text, json, markdown, html, junit or fuchsiaperf");
    }
}
