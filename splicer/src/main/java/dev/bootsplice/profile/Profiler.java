package dev.bootsplice.profile;

import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.profile.ProfileReport.StrategyReport;
import dev.bootsplice.splice.LookupRun;
import dev.bootsplice.splice.SpliceException;
import dev.bootsplice.splice.SpliceResult;
import dev.bootsplice.splice.Splicer;
import dev.bootsplice.splice.Strategy;
import dev.bootsplice.splice.TraceException;
import dev.bootsplice.vm.ZxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the boot scenario once per strategy, each on a fresh model kernel (load, splice, replay the
 * trace), and reports counters, modeled costs (counts × cost model) and measured wall times.
 */
public final class Profiler {
  private Profiler() {}

  /**
   * Profiles {@code image} with {@code options}.
   *
   * @throws ZbiFormatException if the image or its BOOTFS breaks a format rule
   * @throws SpliceException if the image has no BOOTFS or partially shared ranges
   * @throws TraceException if the trace names files or pages the image lacks
   */
  public static ProfileReport profile(ZbiImage image, ProfileOptions options)
      throws ZbiFormatException, SpliceException, TraceException {
    List<StrategyReport> strategies = new ArrayList<>();
    long files = 0;
    long bootfsBytes = 0;
    long accesses = 0;
    for (Strategy s : options.strategies()) {
      Run run = runOne(image, s, options);
      strategies.add(run.report());
      files = run.files();
      bootfsBytes = run.bootfsBytes();
      accesses = run.report().lookup().accesses();
    }
    String path = options.imagePath() != null ? options.imagePath() : image.name();
    ProfileReport.Image info = new ProfileReport.Image(path, image.sha256(), files,
        bootfsBytes, (bootfsBytes + 4095) / 4096);
    CostModel model = options.costModel();
    return new ProfileReport(new ProfileReport.Tool("bootsplice", ToolVersion.get()), info,
        new ProfileReport.TraceInfo(options.trace().name(), accesses),
        new ProfileReport.CostModelInfo(model.name(), model.nsByKey()), strategies,
        StrategyComparison.of(strategies));
  }

  /** One strategy's report and the image facts it saw. */
  private record Run(StrategyReport report, long files, long bootfsBytes) {}

  /**
   * Boots one strategy on its own kernel; the kernel (every page of the model) becomes garbage
   * when this returns, before the next strategy loads its copy of the BOOTFS.
   */
  private static Run runOne(ZbiImage image, Strategy s, ProfileOptions options)
      throws ZbiFormatException, SpliceException, TraceException {
    SpliceResult spliced = Splicer.splice(image, s, options.progress());
    LookupRun run;
    try {
      run = spliced.replay(options.trace(), options.progress());
    } catch (ZxException e) {
      throw SpliceException.fromModel(e);
    }
    return new Run(StrategyMetrics.of(s, spliced, run, options.costModel()),
        spliced.fileCount(), spliced.bootfsBytes());
  }
}
