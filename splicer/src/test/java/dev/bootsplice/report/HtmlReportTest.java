package dev.bootsplice.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.testing.SampleReports;
import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static String html(ProfileReport r) throws Exception {
    StringWriter out = new StringWriter();
    Reports.write(r, ReportFormat.HTML, ReportContext.NONE, out);
    return out.toString();
  }

  @Test
  void theHtmlReportIsSelfContainedWithOneCostChartAndOneHopChartPerStrategy() throws Exception {
    String html = html(SampleReports.profile());
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContainIgnoringCase("<script")
        .doesNotContain("src=").doesNotContain("href=").doesNotContain("@import");
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:").doesNotContain("https:");
    assertThat(html.split("<svg ", -1)).hasSize(1 + 1 + 4);
    assertThat(html).contains("<title>Modeled boot cost per strategy, split by operation</title>")
        .contains("<title>Lookup hops per page read, transfer on kernel 2023 (RFC_0223, LEGACY_CHAIN)</title>")
        .contains("<td>kernel</td><td>2023 (RFC_0223, LEGACY_CHAIN)</td><td>2023 (RFC_0223, SHARE_COUNT)</td>");
  }

  @Test
  void aReportReadBackFromJsonStillDrawsItsHopCharts() throws Exception {
    ProfileReport back = ProfileReport.fromJson(SampleReports.profile().toJson());
    String html = html(back);
    assertThat(html.split("<svg ", -1)).hasSize(1 + 1 + 4);
    assertThat(html).contains("<title>p99: ");
  }

  @Test
  void theHtmlReportRendersItsChartsInHeadlessChromium(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed at " + CHROMIUM
        + " (apt-get install chromium); .ci/run installs it");
    Path page = dir.resolve("report.html");
    Files.writeString(page, html(SampleReports.profile()));
    Path png = dir.resolve("shot.png");
    Process p = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + dir.resolve("profile"),
        "--screenshot=" + png, "--window-size=1200,1600", page.toUri().toString()))
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(png).exists();
    BufferedImage shot = ImageIO.read(png.toFile());
    assertThat(shot.getWidth()).isEqualTo(1200);
    // The charts sit below the heading: the cost bars first, then one histogram per strategy.
    assertThat(colouredPixels(shot, 0, 60, 1200, 400)).as("cost chart bars").isGreaterThan(2000);
    assertThat(colouredPixels(shot, 0, 400, 1200, 1400)).as("hop histograms").isGreaterThan(2000);
  }

  /** Pixels in the rectangle that are clearly coloured (not white, grey or black text). */
  private static long colouredPixels(BufferedImage img, int x0, int y0, int x1, int y1) {
    long count = 0;
    for (int y = y0; y < Math.min(y1, img.getHeight()); y++) {
      for (int x = x0; x < Math.min(x1, img.getWidth()); x++) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
          count++;
        }
      }
    }
    return count;
  }
}
