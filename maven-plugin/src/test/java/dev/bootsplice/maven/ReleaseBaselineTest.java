package dev.bootsplice.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseBaselineTest {
    private static List<String> versions(String... texts) {
        return List.of(texts);
    }

    @Test
    void previousReleaseIsTheHighestReleaseBelowTheCurrentVersion() {
        assertThat(ReleaseBaseline.previousRelease(versions("1.0", "1.2", "1.10", "2.0", "1.9"), "2.0-SNAPSHOT"))
                .contains("1.10");
    }

    @Test
    void previousReleaseSkipsSnapshotsAndTheCurrentVersion() {
        assertThat(ReleaseBaseline.previousRelease(versions("1.0", "1.1-SNAPSHOT", "1.1"), "1.1"))
                .contains("1.0");
    }

    @Test
    void previousReleaseNeverPicksALaterVersion() {
        assertThat(ReleaseBaseline.previousRelease(versions("3.0", "2.1"), "2.0"))
                .isEmpty();
    }

    @Test
    void firstReleaseHasNoPreviousRelease() {
        assertThat(ReleaseBaseline.previousRelease(versions(), "1.0")).isEmpty();
    }

    @Test
    void previousReleaseOrdersQualifiersTheMavenWay() {
        // 1.0-rc1 < 1.0 < 1.0.1 in Maven's ordering.
        assertThat(ReleaseBaseline.previousRelease(versions("1.0-rc1", "1.0", "1.0.1"), "1.1"))
                .contains("1.0.1");
        assertThat(ReleaseBaseline.previousRelease(versions("1.0-rc1", "1.0"), "1.0"))
                .contains("1.0-rc1");
    }
}
