package dev.bootsplice.cli;

import dev.bootsplice.vm.scenario.ScenarioRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bootsplice vm run}: runs VMO scenario files, one PASS/FAIL line each. */
@Command(name = "run", description = {
    "Run VMO scenario files, each on a fresh model.",
    "The scenario language is shared/spec/vmo-scenarios.md. Exit 0 when all passed, 4 when an "
        + "expectation or status check failed, 3 when a file could not be read or parsed."})
final class VmRunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (.vmo).")
    private List<Path> files;

    @Override
    public Integer call() {
        // The runner words an unreadable file with its exception's class name; users get the reason only.
        StringWriter buffer = new StringWriter();
        int code = new ScenarioRunner().run(files, new PrintWriter(buffer));
        PrintWriter out = spec.commandLine().getOut();
        buffer.toString().lines().forEach(line -> out.println(IoMessages.stripClassNames(line)));
        return code;
    }
}
