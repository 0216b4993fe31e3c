package dev.bootsplice.maven;

import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.profile.ProfileOptions;
import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.profile.Profiler;
import dev.bootsplice.profile.Repetitions;
import dev.bootsplice.report.ReportContext;
import dev.bootsplice.report.ReportFormat;
import dev.bootsplice.report.Reports;
import dev.bootsplice.report.Units;
import dev.bootsplice.splice.SpliceException;
import dev.bootsplice.splice.TraceException;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.eclipse.aether.RepositorySystem;

/**
 * Profiles a boot image as {@code bootsplice profile} does: runs the boot scenario once per strategy, each on a
 * fresh model, and writes the report as JSON, Markdown, HTML and JUnit XML under {@code target/bootsplice/}, with
 * the JUnit XML also where CI systems collect test reports. The JSON report is attached to the project so that
 * later releases can compare against it. Budgets and the baseline show in the reports; {@code check} enforces them.
 */
@Mojo(name = "profile", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ProfileMojo extends AbstractReportMojo {
    /** The splice strategies to compare, in report order: {@code clone}, {@code clone-sharecount}, {@code copy}, {@code transfer}. */
    @Parameter(property = "bootsplice.strategies", defaultValue = "clone,copy,transfer")
    private List<String> strategies;

    /**
     * The kernels to run every strategy on: {@code 2023} (RFC_0223 + LEGACY_CHAIN, the default), {@code 2024}
     * (ZIRCON_2024 + SHARE_COUNT, shipped), {@code 2025} (ZIRCON_2024 + PARENT_CONTENT); with several, one report
     * column per strategy and kernel, named {@code STRATEGY@KERNEL}.
     */
    @Parameter(property = "bootsplice.kernels", defaultValue = "2023")
    private List<String> kernels;

    /** The page reads boot makes: {@code all}, {@code exec} or a trace file (relative to the project). */
    @Parameter(property = "bootsplice.trace", defaultValue = "all")
    private String trace;

    /** The cost model: {@code default} or a cost-model JSON file such as {@code bootsplice calibrate} writes. */
    @Parameter(property = "bootsplice.costModel", defaultValue = ProfileSettings.DEFAULT_COST_MODEL)
    private String costModel;

    /** The report formats to write: any of {@code text}, {@code json}, {@code markdown}, {@code html}, {@code junit}. JSON is always written. */
    @Parameter(property = "bootsplice.formats", defaultValue = "json,markdown,html,junit")
    private List<String> formats;

    /** Where a copy of the JUnit XML report goes, for CI systems that collect test results from Surefire's folder. */
    @Parameter(
            property = "bootsplice.junitReportFile",
            defaultValue = "${project.build.directory}/surefire-reports/TEST-bootsplice.xml")
    private File junitReportFile;

    /** Attaches the JSON report to the project (type {@code json}, classifier {@link #reportClassifier}). */
    @Parameter(property = "bootsplice.attachReport", defaultValue = "true")
    private boolean attachReport;

    /** Skips this goal. */
    @Parameter(property = "bootsplice.profile.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Measured runs per strategy, interleaved after a warm-up round; unset: 1 to 5 by image size (the report says
     * how many). Counts and modeled costs are the same for any number.
     */
    @Parameter(property = "bootsplice.runs")
    private Integer runs;

    private final MavenProjectHelper projectHelper;

    /** Creates the goal with the helper that attaches the JSON report and the repository system for baselines. */
    @Inject
    public ProfileMojo(MavenProjectHelper projectHelper, RepositorySystem repositorySystem) {
        super(repositorySystem);
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skip || skipAll) {
            getLog().info(Failures.line("profile skipped"));
            return;
        }
        Path imageFile = imageToProfile();
        Path basedir = project.getBasedir().toPath();
        Set<ReportFormat> wanted = wantedFormats();
        ProfileOptions options = ProfileSettings.options(
                        strategies, kernels, trace, costModel, basedir, displayName(basedir, imageFile))
                .withRepetitions(repetitions());
        ProfileReport report = profile(imageFile, options);
        ReportContext context = judge(report, imageFile);
        Path dir = outputDirectory.toPath();
        for (ReportFormat format : wanted) {
            write(report, format, context, dir.resolve(ReportFiles.fileName(format)));
        }
        if (wanted.contains(ReportFormat.JUNIT) && junitReportFile != null) {
            copy(dir.resolve(ReportFiles.fileName(ReportFormat.JUNIT)), junitReportFile.toPath());
        }
        if (attachReport) {
            projectHelper.attachArtifact(
                    project, "json", reportClassifier, jsonReport().toFile());
        }
        summarize(report, context);
    }

    private Repetitions repetitions() throws MojoExecutionException {
        if (runs == null) {
            return Repetitions.AUTO;
        }
        try {
            return new Repetitions(runs > 1 ? 1 : 0, runs);
        } catch (IllegalArgumentException e) {
            throw Failures.badParameter("runs", e.getMessage());
        }
    }

    private Set<ReportFormat> wantedFormats() throws MojoExecutionException {
        try {
            return ReportFiles.formats(formats);
        } catch (IllegalArgumentException e) {
            throw Failures.badParameter("formats", e.getMessage());
        }
    }

    /** The image as reports name it: relative to the project when inside it, so reports do not name a checkout. */
    static String displayName(Path basedir, Path imageFile) {
        Path absolute = imageFile.toAbsolutePath().normalize();
        Path base = basedir.toAbsolutePath().normalize();
        return absolute.startsWith(base)
                ? base.relativize(absolute).toString().replace(File.separatorChar, '/')
                : absolute.toString();
    }

    private static ProfileReport profile(Path imageFile, ProfileOptions options) throws MojoExecutionException {
        try (ZbiImage zbi = ZbiImage.open(imageFile)) {
            try {
                return Profiler.profile(zbi, options);
            } catch (InternalError e) {
                // A fault in the mapped image (it shrank while being read): the format words what was cut.
                throw Failures.invalidImage(imageFile, zbi.readFault());
            }
        } catch (ZbiFormatException e) {
            throw Failures.invalidImage(imageFile, e);
        } catch (IOException e) {
            throw Failures.unreadable(imageFile, e);
        } catch (SpliceException e) {
            throw Failures.cannotSplice(imageFile, e);
        } catch (TraceException e) {
            throw new MojoExecutionException(Failures.line(imageFile + ": " + e.getMessage()), e);
        }
    }

    private static void write(ProfileReport report, ReportFormat format, ReportContext context, Path file)
            throws MojoExecutionException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                Reports.write(report, format, context, out);
            }
        } catch (IOException e) {
            throw Failures.unreadable(file, e);
        }
    }

    private static void copy(Path from, Path to) throws MojoExecutionException {
        try {
            Files.createDirectories(to.toAbsolutePath().getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw Failures.unreadable(to, e);
        }
    }

    private void summarize(ProfileReport report, ReportContext context) {
        getLog().info(Failures.line(String.format(
                Locale.ROOT,
                "profiled %s: %s, %s, trace %s (%s)",
                report.image().path(),
                Units.count(report.image().files(), "file"),
                Units.count(report.image().pages(), "page"),
                report.trace().name(),
                Units.count(report.trace().accesses(), "read"))));
        for (ProfileReport.StrategyReport s : report.strategies()) {
            getLog().info(String.format(
                    Locale.ROOT,
                    "  %-16s hops max %d mean %.2f, boot cost %,d ns (modeled)",
                    s.name(),
                    s.lookup().hops().max(),
                    s.lookup().hops().mean(),
                    s.bootCost().modeledNs()));
        }
        context.budgets().forEach(b -> getLog().info("  budget " + b.message()));
        context.sizeBudgets().forEach(b -> getLog().info("  size budget " + b.message()));
        getLog().info(Failures.line("reports in " + outputDirectory));
    }
}
