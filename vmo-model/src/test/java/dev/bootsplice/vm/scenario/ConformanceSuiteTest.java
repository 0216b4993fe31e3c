package dev.bootsplice.vm.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every scenario under {@code conformance/} and requires PASS (one dynamic test per file). */
class ConformanceSuiteTest {
    static List<Path> scenarios(String folder) throws IOException, URISyntaxException {
        Path dir = Path.of(ConformanceSuiteTest.class.getResource("/" + folder).toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".vmo")).sorted().collect(Collectors.toList());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyConformanceScenarioPasses() throws Exception {
        List<Path> files = scenarios("conformance");
        assertThat(files).hasSizeGreaterThan(100);
        return files.stream()
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                    StringWriter text = new StringWriter();
                    ScenarioRunner.Verdict exit = new ScenarioRunner().run(List.of(f), new PrintWriter(text));
                    assertThat(text.toString()).startsWith("PASS ");
                    assertThat(exit).isEqualTo(ScenarioRunner.Verdict.ALL_PASSED);
                }));
    }
}
