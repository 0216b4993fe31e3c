package dev.bootsplice.maven;

import dev.bootsplice.profile.ProfileReport;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * Fails the build when the JSON report {@code profile} wrote exceeds a budget ({@code failOn}) or regressed
 * against a baseline report (a file, or the report attached to an earlier release) by more than
 * {@code maxRegression} percent: a {@code MojoFailureException} with one line per failed budget or regressed
 * metric, the same verdicts as {@code bootsplice profile --fail-on ... --baseline ... --max-regression ...}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractReportMojo {
    /** Fails the build on a regression against the baseline; {@code false} only warns. Budgets always fail it. */
    @Parameter(property = "bootsplice.failOnRegression", defaultValue = "true")
    private boolean failOnRegression;

    /** Skips this goal. */
    @Parameter(property = "bootsplice.check.skip", defaultValue = "false")
    private boolean skip;

    /** Creates the goal with the repository system that resolves release baselines. */
    @Inject
    public CheckMojo(RepositorySystem repositorySystem) {
        super(repositorySystem);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipAll) {
            getLog().info(Failures.line("check skipped"));
            return;
        }
        Verdict verdict = Verdict.of(judge(readReport(), imageToProfile()), failOnRegression);
        verdict.passed().forEach(getLog()::info);
        verdict.warnings().forEach(getLog()::warn);
        if (!verdict.failures().isEmpty()) {
            // Maven prints each line of the message as its own [ERROR] line, under the "Failed to execute" one.
            throw new MojoFailureException(Failures.line(verdict.failures().size() + " check"
                            + (verdict.failures().size() == 1 ? "" : "s") + " failed")
                    + "\n"
                    + String.join("\n", verdict.failures()));
        }
    }

    private ProfileReport readReport() throws MojoExecutionException {
        Path file = jsonReport();
        try {
            return ProfileReport.read(file);
        } catch (FileSystemException e) {
            throw new MojoExecutionException(
                    Failures.line(
                            file + ": " + Failures.reason(e) + " (run bootsplice:profile before bootsplice:check)"),
                    e);
        } catch (IOException e) {
            throw new MojoExecutionException(Failures.line(file + ": " + e.getMessage()), e);
        }
    }
}
