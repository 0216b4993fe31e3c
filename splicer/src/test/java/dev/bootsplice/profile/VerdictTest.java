package dev.bootsplice.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.testing.SampleReports;
import org.junit.jupiter.api.Test;

class VerdictTest {
  @Test
  void cheapestStrategyWinsWithItsMarginOverTheRunnerUp() throws Exception {
    ProfileReport r = SampleReports.profile();
    Verdict v = r.verdict();
    long best = r.strategies().stream().mapToLong(s -> s.bootCost().modeledNs()).min().orElseThrow();
    assertThat(v.cheapestNs()).isEqualTo(best);
    assertThat(r.strategy(v.cheapest()).orElseThrow().bootCost().modeledNs()).isEqualTo(best);
    assertThat(v.runnerUpNs()).isGreaterThanOrEqualTo(best);
    assertThat(v.marginPct()).isEqualTo(100.0 * (v.runnerUpNs() - best) / v.runnerUpNs());
    assertThat(v.sentence()).startsWith(v.cheapest() + " is cheapest at boot");
  }

  @Test
  void verdictIsPartOfTheJsonReport() throws Exception {
    ProfileReport r = SampleReports.profile();
    assertThat(r.toTree().path("verdict").path("cheapest").asText()).isEqualTo(r.verdict().cheapest());
    assertThat(ProfileReport.fromJson(r.toJson()).verdict()).isEqualTo(r.verdict());
  }
}
