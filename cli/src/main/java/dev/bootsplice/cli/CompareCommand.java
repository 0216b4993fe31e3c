package dev.bootsplice.cli;

import dev.bootsplice.report.Check;
import dev.bootsplice.report.MetricTable;
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
@Command(
        name = "compare",
        description = {
            "Compare two profile reports metric by metric.",
            "Compares two profile reports (`profile --format=json` or `--format=fuchsiaperf`, in any mix) strategy by "
                    + "strategy. Exit 4 when any counted or modeled metric grew by more than PCT percent; measured wall "
                    + "times are noisy and checked only with --gate-measured."
        })
final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD.json", description = "The earlier report (JSON or fuchsiaperf).")
    private Path oldReport;

    @Parameters(index = "1", paramLabel = "NEW.json", description = "The later report (JSON or fuchsiaperf).")
    private Path newReport;

    @Option(
            names = "--max-regression",
            paramLabel = "PCT",
            defaultValue = "5",
            description = "Largest allowed growth in percent (default ${DEFAULT-VALUE}).")
    private double maxRegression;

    @Option(
            names = "--gate-measured",
            paramLabel = "PCT",
            description = "Also fail when a measured median grew by more than PCT%% and lies above the old report's "
                    + "slowest run (never gated otherwise).")
    private Double gateMeasured;

    @Option(
            names = "--per",
            paramLabel = "none|file|MiB",
            defaultValue = "none",
            description = "Compare metrics per BOOTFS file or per MiB of BOOTFS (default ${DEFAULT-VALUE}).")
    private String per;

    @Option(
            names = "--format",
            paramLabel = "text|markdown|junit",
            defaultValue = "text",
            converter = ReportFormatConverter.class,
            completionCandidates = Completions.CompareFormats.class,
            description = "Output format (default ${DEFAULT-VALUE}).")
    private ReportFormat format;

    @Override
    public Integer call() {
        if (format != ReportFormat.TEXT && format != ReportFormat.MARKDOWN && format != ReportFormat.JUNIT) {
            throw new ParameterException(
                    spec.commandLine(), "compare writes text, markdown or junit, not " + format.cliName());
        }
        MetricTable before = read(oldReport);
        MetricTable after = read(newReport);
        ReportComparison comparison;
        try {
            comparison = ReportComparison.compare(
                    before,
                    after,
                    new ReportComparison.Rule(maxRegression, gateMeasured, false, MetricTable.Per.parse(per)));
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
        List<Check> checks = comparison.regressions().stream()
                .map(m -> Check.regression(m, comparison.thresholdOf(m)))
                .toList();
        CiEnvironment.reportFailures(checks, spec.commandLine().getErr());
        return comparison.regressed() ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    private static MetricTable read(Path file) {
        try {
            return MetricTable.read(file);
        } catch (java.nio.file.FileSystemException e) {
            throw CommandFailure.unreadable(file, e);
        } catch (IOException e) {
            throw CommandFailure.invalidInput(file + ": " + e.getMessage());
        }
    }
}
