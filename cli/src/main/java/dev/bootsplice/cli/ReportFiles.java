package dev.bootsplice.cli;

import dev.bootsplice.format.AtomicFiles;
import dev.bootsplice.report.ReportFormat;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The repeatable {@code -o FILE} and {@code --force} of the commands that write reports (a picocli mixin): each
 * {@code --format} goes to the matching file (see {@link ReportOutputs#pair}) or to stdout.
 */
final class ReportFiles {
    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Where the matching --format goes (repeatable).")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--force", description = "Replace existing -o files.")
    boolean force;

    /** One report's text, written to a stream. */
    interface Report {
        void writeTo(Writer out) throws IOException;
    }

    /** Returns {@code report}'s text (a CI step summary, say). */
    static String text(Report report) {
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            report.writeTo(text);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    /** Returns the targets of {@code formats} and the {@code -o} files; a file no format fits is a usage error. */
    List<ReportOutputs.Target> targets(CommandSpec spec, List<ReportFormat> formats) {
        try {
            return ReportOutputs.pair(formats, outputs);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * Writes {@code report} to {@code target}'s file (through a temporary file, replacing it only with
     * {@code --force}) or, without one, to {@code out}.
     *
     * @throws CommandFailure (exit 3) when the file exists without {@code --force} or cannot be written
     */
    void write(ReportOutputs.Target target, PrintWriter out, Report report) {
        try {
            if (target.file() == null) {
                report.writeTo(out);
                out.flush();
                return;
            }
            AtomicFiles.write(target.file(), force, stream -> {
                Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                report.writeTo(w);
                w.flush();
            });
        } catch (FileAlreadyExistsException e) {
            throw new CommandFailure(ExitCodes.INVALID_INPUT, target.file() + ": " + IoMessages.ALREADY_EXISTS, e);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.INVALID_INPUT, IoMessages.describe(target.file(), e), e);
        }
    }
}
