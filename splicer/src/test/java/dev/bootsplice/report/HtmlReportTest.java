package dev.bootsplice.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.profile.ProfileOptions;
import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.profile.Profiler;
import dev.bootsplice.splice.Strategy;
import dev.bootsplice.testing.SampleReports;
import dev.bootsplice.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlReportTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Appended to a copy of the report under test only: writes the page width and every chart's box into the DOM. */
    private static final String MEASURE = "<script>window.addEventListener('load',()=>{"
            + "const d=document.documentElement;let t='page '+d.scrollWidth+' '+d.scrollHeight+' '+window.innerWidth+';';"
            + "document.querySelectorAll('svg.chart').forEach(s=>{const r=s.getBoundingClientRect();"
            + "t+='chart '+Math.round(r.left)+' '+Math.round(r.top+window.scrollY)+' '+Math.round(r.width)+' '"
            + "+Math.round(r.height)+';'});const m=document.createElement('pre');m.id='measure';"
            + "m.style.cssText='position:absolute;left:0;top:0;width:1px;height:1px;overflow:hidden';"
            + "m.textContent=t;document.body.appendChild(m);});</script>";

    private static ProfileReport core;

    private static String html(ProfileReport r) throws Exception {
        return html(r, ReportContext.NONE);
    }

    private static String html(ProfileReport r, ReportContext c) throws Exception {
        StringWriter out = new StringWriter();
        Reports.write(r, ReportFormat.HTML, c, out);
        return out.toString();
    }

    @Test
    void theHtmlReportIsSelfContainedAndOpensWithTheVerdict() throws Exception {
        ProfileReport r = SampleReports.profile();
        String html = html(r);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .doesNotContainIgnoringCase("<script")
                .doesNotContain("src=")
                .doesNotContain("href=")
                .doesNotContain("@import");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""))
                .doesNotContain("http:")
                .doesNotContain("https:");
        assertThat(html.indexOf(Xml.escape(r.verdict().sentence())))
                .isPositive()
                .isLessThan(html.indexOf("<svg "));
        assertThat(html)
                .contains("<title>Lookup hops per page read, transfer on kernel 2023 (RFC_0223, LEGACY_CHAIN)</title>")
                .contains("<td>kernel</td><td>2023 (RFC_0223, LEGACY_CHAIN)</td><td>2023 (RFC_0223, SHARE_COUNT)</td>");
    }

    @Test
    void everyChartHasAnAxisTitleAndPrintsItsValues() throws Exception {
        ProfileReport r = SampleReports.profile();
        String html = html(r);
        // cost, phases, memory, then one histogram per strategy
        assertThat(html.split("<svg ", -1)).hasSize(1 + 3 + r.strategies().size());
        assertThat(html)
                .contains("modeled boot cost (ms)")
                .contains("setup (ms)")
                .contains("lookup (ms)")
                .contains("model pages (4 KiB each)")
                .contains(">page reads</text>")
                .contains("hops per page read");
        for (ProfileReport.StrategyReport s : r.strategies()) {
            assertThat(html)
                    .contains(">" + Units.millis(s.bootCost().modeledNs()) + "</text>")
                    .contains(">" + Units.millis(s.setup().modeledNs()) + "</text>")
                    .contains(">" + Units.millis(s.lookup().modeledNs()) + "</text>")
                    .contains(">" + Metrics.format((double) s.memory().endPages()) + " end</text>");
        }
    }

    @Test
    void everyHopHistogramHasTheSameBins() throws Exception {
        String html = html(SampleReports.profile());
        List<String> axes = new ArrayList<>();
        for (String chart : html.split("<svg ")) {
            if (chart.contains("Lookup hops per page read,")) {
                Matcher ticks = Pattern.compile("class=\"tick\">([0-9,]+)</text>")
                        .matcher(chart.substring(chart.indexOf("page reads</text>")));
                StringBuilder t = new StringBuilder();
                while (ticks.find()) {
                    t.append(ticks.group(1)).append(' ');
                }
                axes.add(t.toString());
            }
        }
        assertThat(axes).hasSize(4).containsOnly(axes.get(0));
        assertThat(axes.get(0)).startsWith("0 1 ");
    }

    @Test
    void powerOfTwoBinsCoverDeepLookupsAndOneBinPerHopCoversShallowOnes() {
        assertThat(HopCharts.bins(3)).extracting(HopCharts.Bin::range).containsExactly("0", "1", "2", "3");
        assertThat(HopCharts.bins(2383))
                .extracting(HopCharts.Bin::range)
                .startsWith("0", "1", "2–3", "4–7")
                .endsWith("2048–4095")
                .hasSize(13);
    }

    @Test
    void aReportReadBackFromJsonDrawsPercentileBarsOnOneScale() throws Exception {
        ProfileReport back = ProfileReport.fromJson(SampleReports.profile().toJson());
        String html = html(back);
        assertThat(html.split("<svg ", -1)).hasSize(1 + 3 + 4);
        assertThat(html).contains("<title>transfer p99: ").contains("same scale for every strategy");
    }

    @Test
    void failedChecksAreListedUnderTheVerdict() throws Exception {
        ProfileReport r = SampleReports.profile();
        ReportContext c = ReportContext.of(r, null, null, List.of(Budget.parse("clone.lookup.hops.max>0")));
        String html = html(r, c);
        assertThat(html)
                .contains("class=\"verdict failed\"")
                .contains("<span class=\"badge bad\">FAIL</span> 1 of 1 budget failed")
                .contains("<li class=\"fail\"><span class=\"badge bad\">FAIL</span> clone.lookup.hops.max&gt;0: actual")
                .doesNotContain("❌")
                .doesNotContain("✅");
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 1400})
    void theCoreX64ReportFitsTheWindowAndDrawsEveryChartInHeadlessChromium(int width, @TempDir Path dir)
            throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "chromium is not installed at " + CHROMIUM + " (apt-get install chromium); .ci/run installs it");
        ProfileReport r = coreReport();
        Path page = dir.resolve("report.html");
        Files.writeString(page, html(r).replace("</body>", MEASURE + "</body>"));
        String dom = chromium(dir, "--dump-dom", "--window-size=" + width + ",900", page);
        Matcher m = Pattern.compile("page (\\d+) (\\d+) (\\d+);(.*?)</pre>").matcher(dom);
        assertThat(m.find()).as("measurements in the DOM").isTrue();
        assertThat(Integer.parseInt(m.group(1))).as("page width").isLessThanOrEqualTo(width);
        int height = Integer.parseInt(m.group(2));
        String text = dom.replaceAll("<[^>]+>", " ").replace("&amp;", "&");
        assertThat(text)
                .contains(r.verdict().sentence())
                .contains("modeled boot cost (ms)")
                .contains("model pages (4 KiB each)")
                .contains("page reads")
                .contains("hops per page read")
                .contains(
                        Units.millis(r.strategy("copy").orElseThrow().bootCost().modeledNs()))
                .contains(Metrics.format((double)
                                r.strategy("copy").orElseThrow().memory().peakPages()) + " peak");
        Path png = dir.resolve("shot.png");
        chromium(dir, "--screenshot=" + png, "--window-size=" + width + "," + height, page);
        BufferedImage shot = ImageIO.read(png.toFile());
        assertThat(shot.getWidth()).isEqualTo(width);
        Matcher chart = Pattern.compile("chart (-?\\d+) (\\d+) (\\d+) (\\d+);").matcher(m.group(4));
        int charts = 0;
        while (chart.find()) {
            int x = Integer.parseInt(chart.group(1));
            int y = Integer.parseInt(chart.group(2));
            int w = Integer.parseInt(chart.group(3));
            int h = Integer.parseInt(chart.group(4));
            assertThat(x + w).as("chart %d right edge", charts).isLessThanOrEqualTo(width);
            assertThat(colouredPixels(shot, x, y, x + w, y + h))
                    .as("coloured pixels of chart %d", charts)
                    .isGreaterThan(400);
            charts++;
        }
        assertThat(charts).isEqualTo(3 + r.strategies().size());
    }

    private static synchronized ProfileReport coreReport() throws Exception {
        if (core == null) {
            Path file = TestImages.corpus().resolve("realistic/core-x64.zbi");
            try (ZbiImage image = ZbiImage.open(file)) {
                core = Profiler.profile(
                        image,
                        ProfileOptions.defaults()
                                .withStrategies(List.of(Strategy.values()))
                                .withImagePath("../shared/corpus/realistic/core-x64.zbi"));
            }
        }
        return core;
    }

    private static String chromium(Path dir, String action, String size, Path page) throws Exception {
        Path log = dir.resolve("chromium.out");
        Process p = new ProcessBuilder(List.of(
                        CHROMIUM.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--hide-scrollbars",
                        "--user-data-dir=" + dir.resolve("profile"),
                        action,
                        size,
                        page.toUri().toString()))
                .redirectError(dir.resolve("chromium.log").toFile())
                .redirectOutput(log.toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return Files.readString(log);
    }

    /** Pixels in the rectangle that are clearly coloured (not white, grey or black text). */
    private static long colouredPixels(BufferedImage img, int x0, int y0, int x1, int y1) {
        long count = 0;
        for (int y = Math.max(0, y0); y < Math.min(y1, img.getHeight()); y++) {
            for (int x = Math.max(0, x0); x < Math.min(x1, img.getWidth()); x++) {
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
