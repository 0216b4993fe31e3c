package dev.bootsplice.cli;

import dev.bootsplice.report.ReportFormat;
import dev.bootsplice.splice.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The values completion offers for options whose type is an enum: the spellings the options accept
 * and the help shows ({@code clone-sharecount}, {@code markdown}), not the Java constants picocli
 * would offer by default ({@code CLONE_SHARECOUNT}).
 */
final class Completions {
    private Completions() {}

    /** Every strategy's command-line name. */
    static final class Strategies extends ArrayList<String> {
        Strategies() {
            super(Arrays.stream(Strategy.values()).map(Strategy::cliName).toList());
        }
    }

    /** Every `profile` report format. */
    static final class ReportFormats extends ArrayList<String> {
        ReportFormats() {
            super(Arrays.stream(ReportFormat.values())
                    .map(ReportFormat::cliName)
                    .toList());
        }
    }

    /** The formats `compare` writes. */
    static final class CompareFormats extends ArrayList<String> {
        CompareFormats() {
            super(List.of("text", "markdown", "junit"));
        }
    }

    /** The formats `diff` writes. */
    static final class DiffFormats extends ArrayList<String> {
        DiffFormats() {
            super(List.of("text", "json", "markdown"));
        }
    }

    /** The formats `list` writes. */
    static final class ListFormats extends ArrayList<String> {
        ListFormats() {
            super(List.of("text", "zbi"));
        }
    }

    /** The `--progress` modes. */
    static final class ProgressModes extends ArrayList<String> {
        ProgressModes() {
            super(List.of("auto", "always", "never"));
        }
    }
}
