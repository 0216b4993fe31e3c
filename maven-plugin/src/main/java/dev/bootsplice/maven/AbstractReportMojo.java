package dev.bootsplice.maven;

import dev.bootsplice.diff.ImageInventory;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.report.Budget;
import dev.bootsplice.report.MetricTable;
import dev.bootsplice.report.ReportComparison;
import dev.bootsplice.report.ReportContext;
import dev.bootsplice.report.ReportFormat;
import dev.bootsplice.report.SizeBudget;
import dev.bootsplice.report.SizeBudgetResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * What {@code profile} and {@code check} share: the budgets and the baseline a report is judged against, so
 * that the JUnit report {@code profile} writes and the verdict {@code check} gives always agree.
 */
abstract class AbstractReportMojo extends AbstractMojo {
    /** The classifier of the attached JSON report, the one a later release resolves as its baseline. */
    static final String DEFAULT_REPORT_CLASSIFIER = "bootsplice-report";

    /**
     * Budgets as {@code bootsplice profile --fail-on} takes them: {@code STRATEGY.PATH[/file|/MiB] OP LIMIT} with
     * LIMIT a number or {@code [NUMBER*]STRATEGY.PATH[/file|/MiB]}, e.g. {@code transfer.lookup.hops.max>0},
     * {@code transfer.bootCost.modeledNs/file>80000} or
     * {@code transfer.bootCost.modeledNs>=0.9*clone.bootCost.modeledNs}. Size budgets on the image's BOOTFS files:
     * {@code size[GLOB] OP SIZE} or {@code size[GLOB].compressed OP SIZE}, e.g. {@code size[bin/**]>8MiB}.
     * A budget fails when its comparison is true.
     * Comma-separated from the command line.
     */
    @Parameter(property = "bootsplice.failOn")
    List<String> failOn = new ArrayList<>();

    /**
     * The image, a ZBI or a bare BOOTFS: what {@code profile} profiles and size budgets measure. Unset: the
     * image {@code pack} wrote in this build, else {@code ${project.build.directory}/${project.build.finalName}.zbi}.
     */
    @Parameter(property = "bootsplice.image")
    File image;

    /** Skips every bootsplice goal of the build ({@code -Dbootsplice.skip}). */
    @Parameter(property = "bootsplice.skip", defaultValue = "false")
    boolean skipAll;

    /** An earlier JSON profile report to compare with (takes precedence over {@link #baselineVersion}). */
    @Parameter(property = "bootsplice.baseline")
    File baseline;

    /**
     * Compares with the JSON report attached to a release of this artifact, resolved through Maven's
     * repositories: {@code previous} for the highest release below the project's version, or an explicit
     * version. A first release (no earlier version) is not compared. Unset: no release baseline.
     */
    @Parameter(property = "bootsplice.baselineVersion")
    String baselineVersion;

    /** The classifier under which {@code profile} attaches the JSON report and releases are searched for it. */
    @Parameter(property = "bootsplice.reportClassifier", defaultValue = DEFAULT_REPORT_CLASSIFIER)
    String reportClassifier;

    /**
     * The largest growth, in percent, of a strategy's {@code bootCost.modeledNs}, {@code lookup.hops.total}
     * or {@code setup.modeledNs} over the baseline that is not a regression.
     */
    @Parameter(property = "bootsplice.maxRegression", defaultValue = "5")
    double maxRegression;

    /**
     * Measured wall times are noisy and not gated unless this is set: then a measured median that grew by more than
     * this percentage and lies above the baseline's slowest run is a regression.
     */
    @Parameter(property = "bootsplice.maxMeasuredRegression")
    Double maxMeasuredRegression;

    /**
     * Compares with the baseline per BOOTFS file ({@code file}) or per MiB of BOOTFS ({@code MiB}) instead of in
     * absolute terms ({@code none}), so that an image that grows does not regress by growing alone.
     */
    @Parameter(property = "bootsplice.regressionPer", defaultValue = "none")
    String regressionPer = "none";

    /**
     * Where {@code profile} writes its reports ({@code report.json}, {@code report.md}, {@code report.html},
     * {@code report.junit.xml}, {@code report.txt}) and {@code check} reads {@code report.json}.
     */
    @Parameter(property = "bootsplice.outputDirectory", defaultValue = "${project.build.directory}/bootsplice")
    File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    private final RepositorySystem repositorySystem;

    AbstractReportMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    /**
     * Evaluates the budgets on {@code report} and compares it with the baseline, as {@code bootsplice profile}
     * does with {@code --fail-on}, {@code --baseline} and {@code --max-regression}.
     *
     * @throws MojoExecutionException when {@code maxRegression} is negative, a budget does not parse or names a
     *     metric the report lacks, or the baseline cannot be found or read
     */
    ReportContext judge(ProfileReport report, Path imageFile) throws MojoExecutionException {
        if (!(maxRegression >= 0) || Double.isInfinite(maxRegression)) {
            throw Failures.badParameter("maxRegression", "must be a finite percentage >= 0, was " + maxRegression);
        }
        List<Budget> budgets = budgets(failOn);
        List<SizeBudget> sizes = sizeBudgets(failOn);
        ReportComparison.Rule rule;
        try {
            rule = new ReportComparison.Rule(
                    maxRegression,
                    maxMeasuredRegression,
                    true,
                    MetricTable.Per.parse(regressionPer == null ? "none" : regressionPer));
        } catch (IllegalArgumentException e) {
            throw Failures.badParameter("regressionPer", e.getMessage());
        }
        ProfileReport old = baselineReport().orElse(null);
        try {
            return ReportContext.judged(report, old, rule, budgets)
                    .withSizeBudgets(sizes.isEmpty() ? List.of() : sizeResults(sizes, imageFile));
        } catch (IllegalArgumentException e) {
            throw Failures.badParameter("failOn", e.getMessage());
        }
    }

    private static List<SizeBudgetResult> sizeResults(List<SizeBudget> sizes, Path imageFile)
            throws MojoExecutionException {
        try (ZbiImage zbi = ZbiImage.open(imageFile)) {
            ImageInventory inventory = ImageInventory.of(zbi, imageFile.toString());
            return sizes.stream().map(b -> b.evaluate(inventory)).toList();
        } catch (ZbiFormatException e) {
            throw Failures.invalidImage(imageFile, e);
        } catch (IOException e) {
            throw Failures.unreadable(imageFile, e);
        }
    }

    /** The image the goals work on: {@link #image}, else what {@code pack} wrote, else the default name. */
    Path imageToProfile() {
        if (image != null) {
            return image.toPath();
        }
        Object packed = project.getContextValue(PackMojo.PACKED_IMAGE_KEY);
        if (packed instanceof File f) {
            return f.toPath();
        }
        return Path.of(project.getBuild().getDirectory(), project.getBuild().getFinalName() + ".zbi");
    }

    /**
     * Parses the metric budgets among the expressions (size budgets aside); elements may be comma-separated
     * lists themselves.
     *
     * @throws MojoExecutionException naming the parameter when one does not parse
     */
    static List<Budget> budgets(List<String> expressions) throws MojoExecutionException {
        List<Budget> budgets = new ArrayList<>();
        for (String expression : expressions(expressions)) {
            if (SizeBudget.isSizeBudget(expression)) {
                continue;
            }
            try {
                budgets.add(Budget.parse(expression));
            } catch (IllegalArgumentException e) {
                throw Failures.badParameter("failOn", e.getMessage());
            }
        }
        return budgets;
    }

    /**
     * The size budgets ({@code size[GLOB] OP SIZE}) among the expressions.
     *
     * @throws MojoExecutionException naming the parameter when one does not parse
     */
    static List<SizeBudget> sizeBudgets(List<String> expressions) throws MojoExecutionException {
        List<SizeBudget> sizes = new ArrayList<>();
        for (String expression : expressions(expressions)) {
            if (SizeBudget.isSizeBudget(expression)) {
                try {
                    sizes.add(SizeBudget.parse(expression));
                } catch (IllegalArgumentException e) {
                    throw Failures.badParameter("failOn", e.getMessage());
                }
            }
        }
        return sizes;
    }

    /** The expressions of {@code elements}, each split at commas outside {@code [...]} (a size budget's glob may hold one). */
    static List<String> expressions(List<String> elements) {
        List<String> out = new ArrayList<>();
        for (String element : elements) {
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= element.length(); i++) {
                char c = i < element.length() ? element.charAt(i) : ',';
                depth += c == '[' ? 1 : c == ']' && depth > 0 ? -1 : 0;
                if (c == ',' && depth == 0) {
                    String e = element.substring(start, i).trim();
                    if (!e.isEmpty()) {
                        out.add(e);
                    }
                    start = i + 1;
                }
            }
        }
        return out;
    }

    /** The JSON report this build writes: {@code profile} writes it, {@code check} reads it. */
    Path jsonReport() {
        return outputDirectory.toPath().resolve(ReportFiles.fileName(ReportFormat.JSON));
    }

    private Optional<ProfileReport> baselineReport() throws MojoExecutionException {
        Optional<Path> file = baselineFile();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProfileReport.read(file.get()));
        } catch (FileSystemException e) {
            throw Failures.unreadable(file.get(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(Failures.line(file.get() + ": " + e.getMessage()), e);
        }
    }

    private Optional<Path> baselineFile() throws MojoExecutionException {
        if (baseline != null) {
            return Optional.of(baseline.toPath());
        }
        if (baselineVersion == null || baselineVersion.isBlank()) {
            return Optional.empty();
        }
        ReleaseBaseline releases = new ReleaseBaseline(
                repositorySystem, session.getRepositorySession(), project.getRemoteProjectRepositories());
        Optional<Path> found = releases.resolve(
                project.getGroupId(),
                project.getArtifactId(),
                reportClassifier,
                baselineVersion.trim(),
                project.getVersion());
        if (found.isEmpty()) {
            getLog().info(Failures.line("no earlier release of " + project.getGroupId() + ":" + project.getArtifactId()
                    + " than " + project.getVersion() + ": nothing to compare with"));
        } else {
            getLog().info(Failures.line("baseline " + found.get().getFileName() + " (" + found.get() + ")"));
        }
        return found;
    }
}
