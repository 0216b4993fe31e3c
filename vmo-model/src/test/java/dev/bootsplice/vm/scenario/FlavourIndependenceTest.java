package dev.bootsplice.vm.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.vm.CloneFlavour;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * zircon-vm.md §2.2 and C6: the clone flavour never changes a status or the bytes a VMO reads.
 * Every conformance scenario written for the default flavour is run again under SHARE_COUNT and
 * PARENT_CONTENT with its flavour-dependent expectations (lookup hops, counters) left out.
 */
class FlavourIndependenceTest {
    @TempDir
    Path tmp;

    /** The scenario under {@code flavour}: config gains the key, depth and counter checks go. */
    private static List<String> under(List<String> lines, CloneFlavour flavour) {
        List<String> out = new ArrayList<>();
        boolean configured = false;
        for (String l : lines) {
            String t = l.strip();
            if (t.startsWith("expect_depth") || t.startsWith("expect_stat")) {
                continue;
            }
            if (t.startsWith("config ")) {
                out.add(l + " clones=" + flavour);
                configured = true;
            } else {
                out.add(l);
            }
        }
        if (!configured) {
            out.add(0, "config clones=" + flavour);
        }
        return out;
    }

    private static boolean namesNoFlavour(Path f) throws Exception {
        String name = f.getFileName().toString();
        return !name.contains(".legacy-chain.")
                && !name.contains(".share-count.")
                && !name.contains(".parent-content.")
                && Files.readAllLines(f).stream()
                        .noneMatch(l -> l.strip().startsWith("config") && l.contains("clones="));
    }

    @TestFactory
    Stream<DynamicTest> scenariosOfTheDefaultFlavourHoldUnderTheOtherTwo() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : ConformanceSuiteTest.scenarios("conformance")) {
            if (!namesNoFlavour(f)) {
                continue;
            }
            for (CloneFlavour flavour : List.of(CloneFlavour.SHARE_COUNT, CloneFlavour.PARENT_CONTENT)) {
                String name = f.getFileName().toString().replace(".vmo", "." + flavour + ".vmo");
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Path copy = tmp.resolve(name);
                    Files.write(copy, under(Files.readAllLines(f), flavour));
                    StringWriter text = new StringWriter();
                    ScenarioRunner.Verdict exit = new ScenarioRunner().run(List.of(copy), new PrintWriter(text));
                    assertThat(text.toString()).startsWith("PASS ");
                    assertThat(exit).isEqualTo(ScenarioRunner.Verdict.ALL_PASSED);
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThan(200);
        return tests.stream();
    }
}
