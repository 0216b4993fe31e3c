package dev.bootsplice.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.profile.ProfileReport.Setup;
import dev.bootsplice.profile.ProfileReport.StrategyReport;
import dev.bootsplice.splice.KernelEra;
import dev.bootsplice.splice.Strategy;
import dev.bootsplice.testing.TestImages;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `realistic/core-x64.zbi` on the 2023 and 2024 kernels, trace `all`. */
class CorpusKernelsTest {
  private static ZbiImage image;
  private static ProfileReport report;

  @BeforeAll
  static void profileOnBothKernels() throws Exception {
    image = ZbiImage.open(TestImages.corpus().resolve("realistic/core-x64.zbi"));
    report = Profiler.profile(image, ProfileOptions.defaults()
        .withStrategies(List.of(Strategy.CLONE, Strategy.TRANSFER))
        .withKernels(List.of(KernelEra.K2023, KernelEra.K2024)));
  }

  @AfterAll
  static void close() throws Exception {
    if (image != null) {
      image.close();
    }
  }

  private static StrategyReport strategy(String name) {
    return report.strategy(name).orElseThrow();
  }

  /** The deterministic counters and modeled cost of a setup (its measured time dropped). */
  private static Setup counted(Setup s) {
    return new Setup(s.syscalls(), s.vmosCreated(), s.hiddenNodes(), s.pagesAllocated(), s.pagesZeroed(),
        s.pagesCopied(), s.pagesMoved(), s.modeledNs(), 0);
  }

  @Test
  void theCorpusBootfsIsCompressedSoItsRootHasNoParent() {
    assertThat(image.firstBootfs().orElseThrow().isCompressed()).isTrue();
  }

  @Test
  void transfersCountersAreTheSameOnTheRfcKernelAndTheShippedOneForARootWithoutParent() throws Exception {
    StrategyReport rfc = strategy("transfer@2023");
    StrategyReport shipped = strategy("transfer@2024");
    assertThat(counted(shipped.setup())).isEqualTo(counted(rfc.setup()));
    assertThat(shipped.lookup().hops()).isEqualTo(rfc.lookup().hops());
    assertThat(shipped.memory()).isEqualTo(rfc.memory());
    assertThat(rfc.setup().pagesCopied()).isZero();
    assertThat(rfc.setup().pagesMoved()).isEqualTo(distinctFilePages());
  }

  @Test
  void everyEntryNamesItsKernel() {
    assertThat(report.strategies()).extracting(StrategyReport::name)
        .containsExactly("clone@2023", "clone@2024", "transfer@2023", "transfer@2024");
    assertThat(strategy("clone@2023").kernel().describe()).isEqualTo("2023 (RFC_0223, LEGACY_CHAIN)");
    assertThat(strategy("clone@2024").kernel().describe()).isEqualTo("2024 (ZIRCON_2024, SHARE_COUNT)");
    assertThat(strategy("clone@2024").lookup().hops().max()).isEqualTo(1);
  }

  /** Pages of the distinct page-aligned file ranges: transfer moves each range once. */
  private static long distinctFilePages() throws Exception {
    java.util.Set<String> ranges = new java.util.HashSet<>();
    long pages = 0;
    for (dev.bootsplice.format.BootfsEntry e
        : dev.bootsplice.format.Bootfs.parse(image.firstBootfs().orElseThrow().payload()).entries()) {
      if (ranges.add(e.dataOffset() + "+" + e.pageAlignedLength())) {
        pages += e.pageAlignedLength() / 4096;
      }
    }
    return pages;
  }
}
