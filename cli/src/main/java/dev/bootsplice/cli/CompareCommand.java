package dev.bootsplice.cli;

import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.report.Check;
import dev.bootsplice.report.ReportComparison;
import dev.bootsplice.report.ReportFormat;
import dev.bootsplice.report.Reports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bootsplice compare}: two profile reports metric by metric; exit 4 on a regression. */
@Command(name = "compare", description = {
    "Compare two profile reports metric by metric.",
    "Compares two `profile --format=json` reports strategy by strategy. Exit 4 when any metric "
        + "(measured wall times aside) grew by more than PCT percent."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD.json", description = "The earlier report.")
    private Path oldReport;

    @Parameters(index = "1", paramLabel = "NEW.json", description = "The later report.")
    private Path newReport;

    @Option(names = "--max-regression", paramLabel = "PCT", defaultValue = "5",
            description = "Largest allowed growth in percent (default ${DEFAULT-VALUE}).")
    private double maxRegression;

    @Option(names = "--format", paramLabel = "text|markdown|junit", defaultValue = "text",
            converter = ReportFormatConverter.class, completionCandidates = Completions.CompareFormats.class,
            description = "Output format (default ${DEFAULT-VALUE}).")
    private ReportFormat format;

    @Override
    public Integer call() {
        if (format == ReportFormat.JSON || format == ReportFormat.HTML) {
            throw new ParameterException(spec.commandLine(), "compare writes text, markdown or junit, not " + format.cliName());
        }
        ProfileReport before = ProfileCommand.readReport(oldReport);
        ProfileReport after = ProfileCommand.readReport(newReport);
        ReportComparison comparison;
        try {
            comparison = ReportComparison.compare(before, after, maxRegression);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            Reports.writeComparison(comparison, format, out);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.INVALID_INPUT, IoMessages.describe(e), e);
        }
        out.flush();
        List<Check> checks = comparison.regressions().stream().map(m -> Check.regression(m, maxRegression)).toList();
        CiEnvironment.reportFailures(checks, spec.commandLine().getErr());
        return comparison.regressed() ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }
}
