package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProfileProgressTest {
    @Test
    void theBarRunsAcrossEveryRunAndShowsAnEtaFromThePaceSoFar() {
        StringWriter err = new StringWriter();
        AtomicLong now = new AtomicLong(0);
        ProfileProgress p = new ProfileProgress(new PrintWriter(err), 2, true, now::get);
        now.set(10_000_000_000L);
        p.progress("clone: splice", 10, 10);
        // clone's splice is 40% of its run, the run half of the work: 20% done after 10 s leaves 40 s
        assertThat(err.toString()).contains("profile 1/2 clone: splice [").contains(" 20% ETA 0:40");
        now.set(20_000_000_000L);
        p.progress("clone: lookups", 10, 10);
        now.set(25_000_000_000L);
        p.progress("copy: splice", 10, 10);
        now.set(30_000_000_000L);
        p.progress("copy: lookups", 5, 10);
        // 50% + 0.5 × (0.4 + 0.6 × 0.5) = 85% after 30 s (the bar redraws at most every 100 ms of the clock)
        assertThat(err.toString()).contains("profile 2/2 copy: lookups [").contains(" 85% ETA 0:05");
    }

    @Test
    void roundsKnownOnceTheImageIsOpenWidenTheBar() {
        StringWriter err = new StringWriter();
        AtomicLong now = new AtomicLong(0);
        ProfileProgress p = new ProfileProgress(new PrintWriter(err), 2, true, now::get);
        p.expectRuns(8);
        p.progress("clone: splice", 5, 10);
        now.set(1_000_000_000L);
        p.progress("clone: lookups", 10, 10);
        now.set(2_000_000_000L);
        p.progress("copy: splice", 10, 10);
        assertThat(err.toString()).contains("profile 2/8 copy: splice [").contains(" 17%");
    }

    @Test
    void noEtaInTheFirstSecond() {
        AtomicLong now = new AtomicLong(0);
        ProfileProgress p = new ProfileProgress(new PrintWriter(new StringWriter()), 1, true, now::get);
        now.set(500_000_000L);
        assertThat(p.eta(0.5)).isEmpty();
        now.set(2_000_000_000L);
        assertThat(p.eta(0.5)).isEqualTo("ETA 0:02");
    }
}
