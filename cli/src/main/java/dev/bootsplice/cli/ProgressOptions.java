package dev.bootsplice.cli;

import picocli.CommandLine.Option;

/** {@code --progress=auto|always|never} and {@code --quiet}: whether a command draws its progress bar on stderr. */
final class ProgressOptions {
    /** When to draw. */
    enum Mode {
        AUTO,
        ALWAYS,
        NEVER
    }

    @Option(
            names = "--progress",
            paramLabel = "auto|always|never",
            defaultValue = "auto",
            converter = ProgressModeConverter.class,
            completionCandidates = Completions.ProgressModes.class,
            description = "Progress bar on stderr: when stderr is a terminal (auto, the default), always or never.")
    Mode mode = Mode.AUTO;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress bar (the same as --progress=never).")
    boolean quiet;

    /** Whether to draw. */
    boolean enabled() {
        if (quiet || mode == Mode.NEVER) {
            return false;
        }
        return mode == Mode.ALWAYS || StderrTerminal.isTerminal();
    }

    /** Parses the lower-case mode names. */
    static final class ProgressModeConverter implements picocli.CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            for (Mode m : Mode.values()) {
                if (m.name().equalsIgnoreCase(value.trim())) {
                    return m;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not a progress mode (auto, always or never)");
        }
    }
}
