package dev.bootsplice.cli;

import dev.bootsplice.vm.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bootsplice vm run}: runs VMO scenario files, one PASS/FAIL line each. */
@Command(
        name = "run",
        description = {
            "Run VMO scenario files, each on a fresh model.",
            "The scenario language is shared/spec/vmo-scenarios.md. Exit 0 when all passed, 4 when an "
                    + "expectation or status check failed, 3 when a file could not be read or parsed."
        })
final class VmRunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (.vmo).")
    private List<Path> files;

    @Override
    public Integer call() {
        ScenarioRunner.Verdict verdict =
                new ScenarioRunner().run(files, spec.commandLine().getOut());
        return switch (verdict) {
            case ALL_PASSED -> ExitCodes.OK;
            case SOME_FAILED -> ExitCodes.CHECK_FAILED;
            case SOME_INVALID -> ExitCodes.INVALID_INPUT;
        };
    }
}
