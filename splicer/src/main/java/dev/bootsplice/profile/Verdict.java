package dev.bootsplice.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.bootsplice.profile.ProfileReport.StrategyReport;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which profiled strategy is cheapest at boot by modeled boot cost, and by how much it beats the
 * runner-up; every report opens with its {@link #sentence()}.
 *
 * <p>Ties are broken by the order the strategies were profiled in, so the verdict is deterministic.
 * With one strategy there is no runner-up and no margin.
 */
@JsonPropertyOrder({"cheapest", "cheapestNs", "runnerUp", "runnerUpNs", "marginPct", "sentence"})
public record Verdict(String cheapest, long cheapestNs, String runnerUp, Long runnerUpNs,
    Double marginPct) {

  /** The verdict of {@code strategies} (at least one), ranked by {@code bootCost.modeledNs}. */
  public static Verdict of(List<StrategyReport> strategies) {
    List<StrategyReport> ranked = strategies.stream()
        .sorted(Comparator.comparingLong(s -> s.bootCost().modeledNs()))
        .toList();
    StrategyReport first = ranked.get(0);
    if (ranked.size() == 1) {
      return new Verdict(first.name(), first.bootCost().modeledNs(), null, null, null);
    }
    StrategyReport second = ranked.get(1);
    long a = first.bootCost().modeledNs();
    long b = second.bootCost().modeledNs();
    Double margin = b == 0 ? null : 100.0 * (b - a) / b;
    return new Verdict(first.name(), a, second.name(), b, margin);
  }

  /** One line for people: "transfer is cheapest at boot: 12.3% below clone-sharecount (...)". */
  @JsonProperty("sentence")
  public String sentence() {
    if (runnerUp == null) {
      return String.format(Locale.ROOT, "%s: modeled boot cost %s (only strategy profiled)",
          cheapest, millis(cheapestNs));
    }
    String by = marginPct == null ? "ties" : String.format(Locale.ROOT, "%.1f%% below", marginPct);
    return String.format(Locale.ROOT, "%s is cheapest at boot: %s %s, %s %s against %s", cheapest,
        by, runnerUp, cheapest, millis(cheapestNs), millis(runnerUpNs));
  }

  private static String millis(long ns) {
    return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
  }
}
