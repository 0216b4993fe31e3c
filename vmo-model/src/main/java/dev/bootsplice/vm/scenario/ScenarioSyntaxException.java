package dev.bootsplice.vm.scenario;

/** A scenario file does not follow vmo-scenarios.md; carries the 1-based line. */
final class ScenarioSyntaxException extends Exception {
    final int line;

    ScenarioSyntaxException(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }
}
