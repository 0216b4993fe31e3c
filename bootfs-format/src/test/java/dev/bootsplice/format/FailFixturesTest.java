package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broken images under {@code testdata/fail/} each fail with their exact expected message. Run with
 * {@code -Dbootsplice.writeFixtures=true} to rewrite the files from {@link FailFixtures}.
 */
class FailFixturesTest {
    static final Path DIR = Path.of("../testdata/fail");
    /** Every error rule of spec §3 (F13 is reported through F4/F5). */
    static final Set<String> ERROR_RULES = Set.of(
            "Z1", "Z2", "Z3", "Z4", "Z5", "Z6", "Z7", "Z8", "Z9", "Z11", "Z12", "Z13", "Z14", "Z15", "Z16", "S1", "S2",
            "S3", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11");

    @BeforeAll
    static void writeWhenAsked() throws IOException {
        if (Boolean.getBoolean("bootsplice.writeFixtures")) {
            Files.createDirectories(DIR);
            for (FailFixtures.Case c : FailFixtures.all()) {
                Files.write(DIR.resolve(c.file()), c.bytes());
            }
            Files.writeString(DIR.resolve("expected.txt"), table(), StandardCharsets.UTF_8);
        }
    }

    private static String table() {
        StringBuilder s = new StringBuilder("# file<TAB>rule<TAB>first error reported by ImageChecker (verifyCrc)\n");
        for (FailFixtures.Case c : FailFixtures.all()) {
            s.append(c.file())
                    .append('\t')
                    .append(c.rule())
                    .append('\t')
                    .append(c.expected())
                    .append('\n');
        }
        return s.toString();
    }

    static Stream<FailFixtures.Case> cases() {
        return FailFixtures.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixtureFailsWithItsExactExpectedFirstError(FailFixtures.Case c) throws IOException {
        Path file = DIR.resolve(c.file());
        assertThat(Files.readAllBytes(file)).as("committed bytes of %s", file).isEqualTo(c.bytes());
        List<Problem> problems = ImageChecker.check(file, true, false);
        assertThat(problems)
                .filteredOn(p -> p.severity() == Severity.ERROR)
                .first()
                .hasToString(c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void headerFixturesAreRejectedWhenOpeningWithTheSameReason(FailFixtures.Case c) throws IOException {
        Path file = DIR.resolve(c.file());
        if (!c.rule().matches("Z([1-9]|1[1-5])")) {
            try (ZbiImage image = ZbiImage.open(file)) {
                assertThat(image.items()).isNotEmpty();
            } catch (ZbiFormatException e) {
                throw new AssertionError("only container and item header rules may fail open(): " + e.getMessage(), e);
            }
            return;
        }
        try (ZbiImage image = ZbiImage.open(file)) {
            throw new AssertionError("opened " + image);
        } catch (ZbiFormatException e) {
            assertThat("error: " + e.getMessage()).isEqualTo(c.expected());
        }
    }

    @Test
    void expectedTableOnDiskMatchesTheFixtureList() throws IOException {
        assertThat(Files.readString(DIR.resolve("expected.txt"), StandardCharsets.UTF_8))
                .isEqualTo(table());
        try (Stream<Path> files = Files.list(DIR)) {
            Set<String> onDisk = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains("-fail."))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(onDisk)
                    .containsExactlyInAnyOrderElementsOf(
                            cases().map(FailFixtures.Case::file).collect(Collectors.toCollection(ArrayList::new)));
        }
    }

    @Test
    void fixturesCoverEveryErrorRule() {
        assertThat(cases().map(FailFixtures.Case::rule).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(ERROR_RULES);
    }
}
